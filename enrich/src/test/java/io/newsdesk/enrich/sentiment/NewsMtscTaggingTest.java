package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NewsMtscTaggingTest {

  @Test
  void writesPolarityForEveryTarget() throws Exception {
    String line =
        "{\"primary_gid\":\"x\",\"sentence_normalized\":\"Critics praised Merkel for her"
            + " courageous leadership in talks with Smith.\",\"targets\":[{\"from\":16,\"to\":22,"
            + "\"mention\":\"Merkel\"},{\"from\":67,\"to\":72,\"mention\":\"Smith\"}]}\n";
    StringWriter out = new StringWriter();
    long n =
        NewsMtscTagging.tag(
            TargetSentiment.standard(), new BufferedReader(new StringReader(line)), out);
    assertThat(n).isEqualTo(2);
    JsonNode tagged = NewsMtsc.JSON.readTree(out.toString());
    assertThat(tagged.path("primary_gid").asText()).isEqualTo("x");
    for (JsonNode t : tagged.path("targets")) {
      assertThat(t.path("polarity").asDouble()).isIn(2.0, 4.0, 6.0);
    }
    assertThat(tagged.path("targets").get(0).path("polarity").asDouble()).isEqualTo(6.0);
  }

  @Test
  void scoresMacroF1AndAccuracy() {
    SentimentEvaluation.Result r =
        SentimentEvaluation.score(new int[][] {{2, 0, 0}, {0, 1, 1}, {0, 0, 0}});
    assertThat(r.accuracy()).isEqualTo(0.75);
    assertThat(r.macroF1())
        .isCloseTo((1.0 + 2.0 / 3.0 + 0.0) / 3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shippedModelMeetsBarOnNewsMtscDevRw() throws Exception {
    Path dev = sharedDir().resolve("data/sentiment/newsmtsc/dev-rw/dev.jsonl");
    assumeTrue(Files.isRegularFile(dev), "NewsMTSC not found at " + dev + "; skipping");
    SentimentEvaluation.Result r = SentimentEvaluation.evaluate(TargetSentiment.standard(), dev);
    assertThat(r.targets()).isEqualTo(343);
    assertThat(r.macroF1()).isGreaterThanOrEqualTo(BAR);
  }

  @Test
  void trainingIsDeterministic() throws Exception {
    Path train = sharedDir().resolve("data/sentiment/newsmtsc/train.jsonl");
    assumeTrue(Files.isRegularFile(train), "NewsMTSC not found at " + train + "; skipping");
    java.util.List<NewsMtsc.Line> lines = new java.util.ArrayList<>();
    try (var in = Files.newBufferedReader(train)) {
      for (String s; lines.size() < 300 && (s = in.readLine()) != null; ) {
        lines.add(NewsMtsc.parse(s));
      }
    }
    SentimentTrainer.Config c = SentimentTrainer.Config.defaults().withBits(16);
    byte[] a = SentimentTrainer.serialize(SentimentTrainer.train(lines, c));
    byte[] b = SentimentTrainer.serialize(SentimentTrainer.train(lines, c));
    assertThat(a).isEqualTo(b);
  }

  /** The shipped model's F1m on dev-rw must not regress below this. */
  private static final double BAR = 0.70;

  static Path sharedDir() {
    String dir = System.getProperty("newsdesk.shared.dir");
    return Path.of(dir == null ? "../shared" : dir);
  }
}
