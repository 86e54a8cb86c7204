package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetSentimentTest {

  private final TargetSentiment model = TargetSentiment.standard();

  private String label(String sentence, String mention) {
    int from = sentence.indexOf(mention);
    return label(sentence, mention, null, from);
  }

  private String label(String sentence, String mention, String other, int from) {
    int[] others = null;
    if (other != null) {
      int o = sentence.indexOf(other);
      others = new int[] {o, o + other.length()};
    }
    double[] p = model.probabilities(sentence, new int[] {from, from + mention.length()}, others);
    return TargetSentiment.LABELS[TargetSentiment.argmax(p)];
  }

  @Test
  void readsPraiseAsPositive() {
    assertThat(label("Critics praised Merkel for her calm and courageous leadership.", "Merkel"))
        .isEqualTo("positive");
  }

  @Test
  void readsAccusationAsNegative() {
    assertThat(
            label(
                "Prosecutors accused Johnson of fraud and corruption in a damning indictment.",
                "Johnson"))
        .isEqualTo("negative");
  }

  @Test
  void readsPlainReportAsNeutral() {
    assertThat(label("Macron will travel to Berlin on Tuesday for the meeting.", "Macron"))
        .isEqualTo("neutral");
  }

  @Test
  void separatesTwoTargetsInOneSentence() {
    String s = "Smith harshly attacked Jones, calling him a corrupt and dishonest liar.";
    assertThat(label(s, "Jones", "Smith", s.indexOf("Jones"))).isEqualTo("negative");
  }

  @Test
  void scoresEveryTargetOfASentenceAsTagTargetsDoes() throws java.io.IOException {
    String s = "Smith harshly attacked Jones, calling him a corrupt and dishonest liar.";
    int smith = s.indexOf("Smith");
    int jones = s.indexOf("Jones");
    java.util.List<int[]> targets =
        java.util.List.of(new int[] {jones, jones + 5}, new int[] {smith, smith + 5});
    double[][] p = model.probabilities(s, targets);
    assertThat(p).hasNumberOfRows(2);
    for (double[] row : p) {
      assertThat(row[0] + row[1] + row[2])
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(TargetSentiment.LABELS[TargetSentiment.argmax(p[0])]).isEqualTo("negative");
    // The same as the NewsMTSC tagging path, which marks each target as its own entity.
    String json =
        "{\"sentence_normalized\": \""
            + s
            + "\", \"targets\": [{\"from\": "
            + jones
            + ", \"to\": "
            + (jones + 5)
            + ", \"polarity\": 4.0}, {\"from\": "
            + smith
            + ", \"to\": "
            + (smith + 5)
            + ", \"polarity\": 4.0}]}";
    int[] tagged = NewsMtscTagging.predict(model, NewsMtsc.parse(json));
    assertThat(tagged).containsExactly(TargetSentiment.argmax(p[0]), TargetSentiment.argmax(p[1]));
  }

  @Test
  void probabilitiesAreDeterministicAndSumToOne() {
    String s = "The senator was widely criticized after the scandal.";
    double[] a = model.probabilities(s, new int[] {4, 11}, null);
    double[] b = TargetSentiment.standard().probabilities(s, new int[] {4, 11}, null);
    assertThat(a).containsExactly(b);
    assertThat(a[0] + a[1] + a[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(model.version()).startsWith("newsmtsc-net");
  }
}
