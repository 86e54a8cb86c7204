package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GloveClustererTest {

  @TempDir Path dir;

  // Four tight groups of words: two "place" groups near one direction, two "verb" groups near
  // the opposite one.
  private Path vectors() throws Exception {
    Random r = new Random(3);
    float[][] centres = {{1, 1, 0, 0}, {1, 0.6f, 0.4f, 0}, {-1, -1, 0, 0}, {-1, -0.6f, 0, 0.4f}};
    String[][] words = {
      {"paris", "rome", "vienna"}, {"kent", "devon", "essex"},
      {"said", "told", "added"}, {"ran", "walked", "flew"}
    };
    List<String> lines = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      for (String w : words[g]) {
        StringBuilder b = new StringBuilder(w);
        for (float c : centres[g]) {
          b.append(' ').append(c + 0.01f * (float) r.nextGaussian());
        }
        lines.add(b.toString());
      }
    }
    Path file = dir.resolve("glove.txt");
    Files.write(file, lines);
    return file;
  }

  private WordClusters clusters() throws Exception {
    return GloveClusterer.cluster(GloveClusterer.read(vectors(), 1000), 2, 2, new int[] {1, 2}, 10);
  }

  @Test
  void wordsOfOneGroupShareTheirClassesAndOppositeGroupsSplitAtTheTop() throws Exception {
    WordClusters c = clusters();
    assertThat(c.classes("rome")).containsExactly(c.classes("paris"));
    assertThat(c.classes("told")).containsExactly(c.classes("said"));
    assertThat(c.classes("kent")[0]).isEqualTo(c.classes("paris")[0]);
    assertThat(c.classes("kent")[1]).isNotEqualTo(c.classes("paris")[1]);
    assertThat(c.classes("said")[0]).isNotEqualTo(c.classes("paris")[0]);
  }

  @Test
  void eachFinerClassLiesInsideOneCoarserClass() throws Exception {
    WordClusters c = clusters();
    for (String w : List.of("paris", "kent", "said", "ran", "devon", "flew")) {
      int[] k = c.classes(w);
      assertThat(k[1] / 2).isEqualTo(k[0]);
    }
  }

  @Test
  void headlineCapitalsAndTitleCaseFindTheLowerCasedWord() throws Exception {
    WordClusters c = clusters();
    assertThat(c.classes("PARIS")).containsExactly(c.classes("paris"));
    assertThat(c.classes("Paris")).containsExactly(c.classes("paris"));
    assertThat(c.classes("Atlantis")).isNull();
  }

  @Test
  void classesSurviveWritingAndReadingAndAreDeterministic() throws Exception {
    WordClusters c = clusters();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    c.write(new DataOutputStream(bytes));
    WordClusters back =
        WordClusters.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(back.size()).isEqualTo(12);
    assertThat(back.granularities()).isEqualTo(2);
    assertThat(back.classes("essex")).containsExactly(c.classes("essex"));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    clusters().write(new DataOutputStream(again));
    assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
  }
}
