package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerTrainerTest {

  private static final String TOY =
      "-DOCSTART- -X- O O\n\n"
          + "Hussein NNP I-NP I-PER\nvisited VBD I-VP O\nBaghdad NNP I-NP I-LOC\n. . O O\n\n"
          + "Blinken NNP I-NP I-PER\nvisited VBD I-VP O\nAmman NNP I-NP I-LOC\n. . O O\n\n"
          + "-DOCSTART- -X- O O\n\n"
          + "Reuters NNP I-NP I-ORG\nsaid VBD I-VP O\nSudani NNP I-NP I-PER\nvisited VBD I-VP O\n"
          + "Cairo NNP I-NP I-LOC\n. . O O\n\n";

  private static byte[] train() throws Exception {
    List<ConllCorpus.Document> docs = ConllCorpus.read(new BufferedReader(new StringReader(TOY)));
    return NerTrainer.train(
        docs, List.of(), null, new NerTrainer.Options(5, 7L, 0f, 2, new int[0], 2, 0f, 0));
  }

  @Test
  void trainingIsDeterministic() throws Exception {
    assertThat(train()).isEqualTo(train());
  }

  @Test
  void theModelVersionNamesTheOptionsThatDifferFromTheRecipe() throws Exception {
    List<ConllCorpus.Document> docs = ConllCorpus.read(new BufferedReader(new StringReader(TOY)));
    byte[] model =
        NerTrainer.train(
            docs, List.of(), null, new NerTrainer.Options(2, 7L, 0f, 1, new int[0], 1, 0f, 3));

    assertThat(PerceptronEntityRecognizer.load(new ByteArrayInputStream(model)).version())
        .endsWith("clusters=0 type-prototypes=3");
    assertThat(PerceptronEntityRecognizer.load(new ByteArrayInputStream(train())).version())
        .endsWith("clusters=0");
  }

  @Test
  void aTrainedModelTagsItsTrainingSentences() throws Exception {
    PerceptronEntityRecognizer r =
        PerceptronEntityRecognizer.load(new ByteArrayInputStream(train()));
    List<String[]> tags =
        r.tagDocument(List.<String[]>of(new String[] {"Hussein", "visited", "Baghdad", "."}));
    assertThat(tags.get(0)).containsExactly("B-PER", "O", "B-LOC", "O");
  }

  @Test
  void crossValidationScoresEveryDocumentOnceWithAModelThatDidNotSeeIt() throws Exception {
    StringBuilder corpus = new StringBuilder();
    String[][] people = {{"Okafor", "Lagos"}, {"Brandt", "Bremen"}, {"Quiroga", "Lima"}};
    for (int d = 0; d < 6; d++) {
      String[] p = people[d % 3];
      corpus
          .append("-DOCSTART- -X- O O\n\n")
          .append(p[0])
          .append(" NNP I-NP I-PER\nvisited VBD I-VP O\n")
          .append(p[1])
          .append(" NNP I-NP I-LOC\n. . O O\n\n");
    }
    List<ConllCorpus.Document> docs =
        ConllCorpus.read(new BufferedReader(new StringReader(corpus.toString())));

    List<NerEvaluation> folds =
        NerTrainer.crossValidate(
            docs, 3, null, new NerTrainer.Options(3, 7L, 0f, 1, new int[0], 1, 0f, 0));

    assertThat(folds).hasSize(3);
    NerEvaluation pooled = new NerEvaluation();
    folds.forEach(pooled::addAll);
    // Every gold name counted once: two names in each of the six documents.
    assertThat(pooled.report()).startsWith("gold 12,");

    // Each fold's model is scored as the caller wraps it (the news rules, in `eval ner --cv`):
    // here a wrapper that finds nothing, so nothing is predicted in any fold.
    List<NerEvaluation> wrapped =
        NerTrainer.crossValidate(
            docs,
            3,
            null,
            new NerTrainer.Options(3, 7L, 0f, 1, new int[0], 1, 0f, 0),
            r ->
                new EntityRecognizer() {
                  @Override
                  public List<String[]> tagDocument(List<String[]> sentences) {
                    List<String[]> out = new java.util.ArrayList<>();
                    for (String[] s : sentences) {
                      String[] o = new String[s.length];
                      java.util.Arrays.fill(o, "O");
                      out.add(o);
                    }
                    return out;
                  }

                  @Override
                  public String version() {
                    return "none/" + r.version();
                  }
                });
    NerEvaluation none = new NerEvaluation();
    wrapped.forEach(none::addAll);
    assertThat(none.report()).startsWith("gold 12, predicted 0,");
  }
}
