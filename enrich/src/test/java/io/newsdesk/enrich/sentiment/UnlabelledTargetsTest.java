package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdesk.enrich.entities.DefaultEntityTagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlabelledTargetsTest {

  @Test
  void detokenisesWordsKeepingTheSpanOfEach() {
    String[] words = {
      "``", "We", "are", "n't", "happy", ",", "''", "said", "John", "Smith", "(", "AP", ")", "."
    };
    int[] start = new int[words.length];
    int[] end = new int[words.length];
    String s = UnlabelledTargets.detokenise(words, start, end);
    assertThat(s).isEqualTo("\"We aren't happy,\" said John Smith (AP).");
    assertThat(s.substring(start[8], end[9])).isEqualTo("John Smith");
    assertThat(s.substring(start[11], end[11])).isEqualTo("AP");
  }

  @Test
  void takesPeopleAndOrganisationsOfNewsSentencesAsTargets(@TempDir Path dir) throws Exception {
    Path conll = dir.resolve("eng.sample");
    Files.writeString(
        conll,
        String.join(
            "\n",
            "-DOCSTART- -X- O O",
            "",
            "Smith NNP I-NP I-PER",
            "told VBD I-VP O",
            "Acme NNP I-NP I-ORG",
            "Corp NNP I-NP I-ORG",
            "in IN I-PP O",
            "Paris NNP I-NP I-LOC",
            "that IN I-SBAR O",
            "he PRP I-NP O",
            "would MD I-VP O",
            "sue VB I-VP O",
            "Smith NNP I-NP I-PER",
            "'s POS B-NP O",
            "rivals NNS I-NP O",
            ". . O O",
            "",
            "Arsenal NNP I-NP I-ORG",
            "2 CD I-NP O",
            "Chelsea NNP I-NP I-ORG",
            "1 CD I-NP O",
            ""));
    List<UnlabelledTargets.Candidate> found = UnlabelledTargets.fromConll(conll);
    assertThat(found).hasSize(1);
    UnlabelledTargets.Candidate c = found.get(0);
    assertThat(c.sentence())
        .isEqualTo("Smith told Acme Corp in Paris that he would sue Smith's rivals.");
    assertThat(c.targets()).hasSize(2);
    int[] smith = c.targets().get(0);
    assertThat(smith).hasSize(4);
    assertThat(c.sentence().substring(smith[2], smith[3])).isEqualTo("Smith");
    assertThat(c.sentence().substring(c.targets().get(1)[0], c.targets().get(1)[1]))
        .isEqualTo("Acme Corp");

    JsonNode line = c.toJson();
    assertThat(line.path("targets").get(0).has("polarity")).isFalse();
    NewsMtsc.Line parsed = NewsMtsc.parse(line.toString());
    assertThat(parsed.targets().get(0).spans()).isEqualTo(smith);
    assertThat(parsed.targets().get(0).label()).isEqualTo(-1);
  }

  @Test
  void findsNamesInNewsMtscSentencesThatAreNotTargetsThere(@TempDir Path dir) throws Exception {
    String sentence = "Critics said Angela Merkel met Barack Obama in Berlin on Monday.";
    Path file = dir.resolve("train.jsonl");
    Files.writeString(
        file,
        "{\"sentence_normalized\":\""
            + sentence
            + "\",\"targets\":[{\"from\":20,\"to\":26,\"polarity\":4.0}]}\n");
    List<UnlabelledTargets.Candidate> found =
        UnlabelledTargets.fromNewsMtsc(file, DefaultEntityTagger.loadDefault());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).trainLine()).isZero();
    assertThat(found.get(0).targets())
        .extracting(t -> sentence.substring(t[0], t[1]))
        .containsExactly("Barack Obama");
    assertThat(found.get(0).toJson().path("train_line").asInt(-1)).isZero();
  }

  @Test
  void skipsHeadlinesAndScoreLines() {
    assertThat(UnlabelledTargets.newsLike("SOCCER - ENGLISH PREMIER LEAGUE RESULTS .".split(" ")))
        .isFalse();
    assertThat(UnlabelledTargets.newsLike("Arsenal 2 Chelsea 1 Leeds 0 Everton 3".split(" ")))
        .isFalse();
    assertThat(
            UnlabelledTargets.newsLike(
                "The minister said the talks with the union had failed .".split(" ")))
        .isTrue();
  }
}
