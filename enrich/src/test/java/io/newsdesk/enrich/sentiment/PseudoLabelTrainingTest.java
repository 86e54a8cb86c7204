package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudoLabelTrainingTest {

  private static final String[] NAMES = {
    "Smith", "Jones", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Johnson", "Roberts"
  };

  private static final SentimentTrainer.Config CONFIG =
      SentimentTrainer.Config.defaults().withBits(16).withMembers(1).withEpochs(6);

  private static NewsMtsc.Line line(String template, String name, String extra) throws Exception {
    String sentence = template.replace("{}", name);
    int from = sentence.indexOf(name);
    return NewsMtsc.parse(
        "{\"sentence_normalized\":\""
            + sentence
            + "\",\"targets\":[{\"from\":"
            + from
            + ",\"to\":"
            + (from + name.length())
            + extra
            + "}]}");
  }

  private static List<NewsMtsc.Line> gold() throws Exception {
    List<NewsMtsc.Line> out = new ArrayList<>();
    for (String n : NAMES) {
      out.add(line("Officials met {} on Monday to discuss the budget.", n, ",\"polarity\":4.0"));
      out.add(line("{} was accused of fraud and lying to investors.", n, ",\"polarity\":2.0"));
      out.add(line("{} won praise for the reform of the schools.", n, ",\"polarity\":6.0"));
    }
    return out;
  }

  /** The teacher reads crowds outside one's house as bad news, a pattern gold never shows. */
  private static List<NewsMtsc.Line> pseudo(String probabilities) throws Exception {
    List<NewsMtsc.Line> out = new ArrayList<>();
    for (String n : NAMES) {
      out.add(
          line(
              "Crowds gathered outside the house of {} on Friday.",
              n,
              ",\"polarity\":2.0,\"probabilities\":" + probabilities));
    }
    return out;
  }

  private static double negative(LinearModel m) throws Exception {
    TargetSentiment s = TargetSentiment.fromBytes(SentimentTrainer.serialize(m));
    String sentence = "Crowds gathered outside the house of Miller on Friday.";
    int from = sentence.indexOf("Miller");
    return s.probabilities(sentence, new int[] {from, from + 6}, null)[0];
  }

  @Test
  void confidentPseudoLabelsTeachWhatGoldNeverShows() throws Exception {
    double without = negative(SentimentTrainer.train(gold(), CONFIG));
    double with =
        negative(
            SentimentTrainer.train(
                gold(),
                pseudo("[0.85,0.1,0.05]"),
                CONFIG,
                new SentimentTrainer.Pseudo(1, 0, true)));
    assertThat(without).isLessThan(0.5);
    assertThat(with).isGreaterThan(0.5).isGreaterThan(without + 0.2);
  }

  @Test
  void pseudoLabelsBelowTheConfidenceBarAreLeftOut() throws Exception {
    byte[] goldOnly = SentimentTrainer.serialize(SentimentTrainer.train(gold(), CONFIG));
    byte[] unsure =
        SentimentTrainer.serialize(
            SentimentTrainer.train(
                gold(),
                pseudo("[0.3,0.3,0.4]"),
                CONFIG,
                new SentimentTrainer.Pseudo(1, 0.5, false)));
    byte[] sure =
        SentimentTrainer.serialize(
            SentimentTrainer.train(
                gold(),
                pseudo("[0.85,0.1,0.05]"),
                CONFIG,
                new SentimentTrainer.Pseudo(1, 0.5, false)));
    assertThat(unsure).isEqualTo(goldOnly);
    assertThat(sure).isNotEqualTo(goldOnly);
  }
}
