package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsdesk.schema.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PerceptronEntityRecognizerTest {

  private static PerceptronEntityRecognizer recognizer;

  @BeforeAll
  static void load() {
    recognizer = PerceptronEntityRecognizer.loadDefault();
  }

  @Test
  void shippedModelTagsAMinisterialMeeting() {
    List<Entity> entities =
        new DefaultEntityTagger(recognizer)
            .tag(null, "Iraqi Foreign Minister Fuad Hussein met Antony Blinken in Washington.");
    assertThat(entities)
        .extracting(e -> e.getType() + " " + e.getCanonical())
        .contains("PER Fuad Hussein", "PER Antony Blinken", "LOC Washington", "MISC Iraqi");
  }

  @Test
  void shippedModelScoresAboveNinetyOnTheCoNllDevelopmentSet() throws Exception {
    String shared = System.getProperty("newsdesk.shared.dir", "../shared");
    Path testa = Path.of(shared, "data/ner/conll2003/eng.testa");
    assumeTrue(Files.isReadable(testa), "CoNLL-2003 data absent at " + testa + "; skipped");
    NerEvaluation e = NerEvaluation.evaluate(recognizer, ConllCorpus.read(testa));
    assertThat(e.f1(null)).isGreaterThan(0.90);
  }

  @Test
  void fusedTaggingAgreesWithRunningTheStagesInTurn() {
    List<String[]> doc =
        List.of(
            "BAGHDAD 1996-08-22".split(" "),
            "Iraqi Foreign Minister Fuad Hussein met Antony Blinken in Washington .".split(" "),
            "HUSSEIN SAYS U.S. TROOPS TO LEAVE IRAQ".split(" "),
            "Hussein told Al-Hadath that Reuters and the PMF were wrong .".split(" "));
    List<String[]> fused = recognizer.tagDocument(doc);
    int[][] stagewise =
        recognizer.stagewise(
            new NerFeatures(Gazetteer.loadDefault(), recognizer.clusters()).prepare(doc));
    for (int s = 0; s < doc.size(); s++) {
      assertThat(fused.get(s)).containsExactly(Labels.toIob2(stagewise[s]));
    }
  }

  @Test
  void fusedTaggingAgreesWithTheStagesInTurnOnNewsDocuments() throws Exception {
    String shared = System.getProperty("newsdesk.shared.dir", "../shared");
    Path testa = Path.of(shared, "data/ner/conll2003/eng.testa");
    assumeTrue(Files.isReadable(testa), "CoNLL-2003 data absent at " + testa + "; skipped");
    NerFeatures features = new NerFeatures(Gazetteer.loadDefault(), recognizer.clusters());
    List<ConllCorpus.Document> docs = ConllCorpus.read(testa);
    int tokens = 0;
    for (ConllCorpus.Document d : docs.subList(0, 40)) {
      if (d.sentences().isEmpty()) {
        continue;
      }
      List<String[]> fused = recognizer.tagDocument(d.words());
      int[][] stagewise = recognizer.stagewise(features.prepare(d.words()));
      for (int s = 0; s < fused.size(); s++) {
        assertThat(fused.get(s)).containsExactly(Labels.toIob2(stagewise[s]));
        tokens += fused.get(s).length;
      }
    }
    assertThat(tokens).isGreaterThan(5000);
  }

  @Test
  void taggingIsSafeFromManyThreads() throws Exception {
    List<String[]> doc =
        List.<String[]>of(
            new String[] {"Fuad", "Hussein", "met", "Antony", "Blinken", "in", "Washington", "."});
    String[] expected = recognizer.tagDocument(doc).get(0);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger wrong =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int k = 0; k < 200; k++) {
                  if (!java.util.Arrays.equals(recognizer.tagDocument(doc).get(0), expected)) {
                    wrong.incrementAndGet();
                  }
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(wrong.get()).isZero();
  }
}
