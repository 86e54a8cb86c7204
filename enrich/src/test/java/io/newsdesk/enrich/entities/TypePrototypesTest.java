package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TypePrototypesTest {

  // Four tight groups of words in four directions: given names, places, companies, and common
  // words. Each group has words that the training names below use and words they never use.
  private static final String[][] GROUPS = {
    {"ilse", "orla", "halvard", "mirela"},
    {"tromso", "quelpart", "varna", "tavildara"},
    {"corp", "holdings", "bancorp", "comelf"},
    {"said", "the", "visited", "met"}
  };

  private static GloveClusterer.Vectors vectors() {
    Random r = new Random(5);
    List<String> words = new ArrayList<>();
    List<float[]> vs = new ArrayList<>();
    for (int g = 0; g < GROUPS.length; g++) {
      for (String w : GROUPS[g]) {
        float[] v = new float[4];
        for (int d = 0; d < 4; d++) {
          v[d] = (d == g ? 1 : 0) + 0.05f * (float) r.nextGaussian();
        }
        words.add(w);
        vs.add(v);
      }
    }
    return new GloveClusterer.Vectors(words, vs.toArray(new float[0][]));
  }

  private static List<ConllCorpus.Document> train() throws Exception {
    return ConllCorpus.read(
        new BufferedReader(
            new StringReader(
                "-DOCSTART- -X- O O\n\n"
                    + "Ilse NNP I-NP I-PER\nvisited VBD I-VP O\nTromso NNP I-NP I-LOC\n. . O O\n\n"
                    + "Orla NNP I-NP I-PER\nmet VBD I-VP O\nHalvard NNP I-NP I-ORG\n"
                    + "Corp NNP I-NP I-ORG\nin IN O O\nVarna NNP I-NP I-LOC\n. . O O\n\n")));
  }

  private static int nearestType(WordClusters c, String word) {
    int[] classes = c.classes(word);
    return classes[classes.length - 1] / 3;
  }

  @Test
  void wordsNeverInATrainingNameTakeTheTypeOfTheNamesTheirVectorsAreNear() throws Exception {
    GloveClusterer.Vectors v = vectors();
    WordClusters base = GloveClusterer.cluster(v, 2, 2, new int[] {1, 2}, 10);
    WordClusters c = TypePrototypes.extend(base, v, train(), 3);

    assertThat(c.granularities()).isEqualTo(base.granularities() + 1);
    // The word classes stay as they were, the prototype class comes last.
    assertThat(c.classes("tavildara")).startsWith(base.classes("tavildara"));
    assertThat(nearestType(c, "tavildara")).isEqualTo(Labels.typeIndex("LOC"));
    assertThat(nearestType(c, "mirela")).isEqualTo(Labels.typeIndex("PER"));
    assertThat(nearestType(c, "comelf")).isEqualTo(Labels.typeIndex("ORG"));
    // "Halvard" is in an ORG name in training but its vector lies with the given names.
    assertThat(nearestType(c, "halvard")).isEqualTo(Labels.typeIndex("PER"));
  }

  @Test
  void quantileBucketsSplitTheValuesIntoEqualShares() {
    float[] values = {5, 1, 4, 2, 6, 3};
    float[] cuts = TypePrototypes.quantileCuts(values, 3);

    assertThat(cuts).containsExactly(3f, 5f);
    int[] counts = new int[3];
    for (float x : values) {
      counts[TypePrototypes.bucket(cuts, x)]++;
    }
    assertThat(counts).containsExactly(2, 2, 2);
  }
}
