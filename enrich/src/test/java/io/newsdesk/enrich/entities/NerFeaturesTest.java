package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NerFeaturesTest {

  private static final WordClusters CLUSTERS =
      new WordClusters(
          Map.of(
              "lisbon", new int[] {1, 7},
              "oporto", new int[] {1, 7},
              "to", new int[] {2, 9},
              "flew", new int[] {3, 12}));

  private static long[] features(NerFeatures f, String sentence, int token) {
    return f.prepare(List.<String[]>of(sentence.split(" "))).statics[0][token];
  }

  private static boolean has(long[] feats, long feature) {
    return Arrays.stream(feats).anyMatch(x -> x == feature);
  }

  @Test
  void featuresHashedWithoutBuildingStringsHaveTheIdsOfTheStrings() {
    for (String w :
        List.of("a", "Lisbon", "1996-08-22", "AL-HADATH", "naïve", "Zürich's", "U.S.")) {
      String low = w.toLowerCase(java.util.Locale.ROOT);
      for (int a = 1; a <= 4 && a <= low.length(); a++) {
        assertThat(NerFeatures.hashRange(4 + a, low, 0, a))
            .isEqualTo(NerFeatures.hash(4 + a, low.substring(0, a)));
        assertThat(NerFeatures.hashRange(8 + a, low, low.length() - a, low.length()))
            .isEqualTo(NerFeatures.hash(8 + a, low.substring(low.length() - a)));
      }
      assertThat(NerFeatures.longShapeHash(w))
          .isEqualTo(NerFeatures.hash(4, NerFeatures.longShape(w)));
    }
  }

  @Test
  void wordClassesAreFoundByRowForEveryCasingAndAlphabet() {
    WordClusters c =
        new WordClusters(
            Map.of(
                "zürich", new int[] {4, 8},
                "Paris", new int[] {5, 10},
                "paris", new int[] {6, 12},
                "said", new int[] {7, 14}));
    for (String w : List.of("zürich", "ZÜRICH", "Zürich", "PARIS", "Paris", "paris", "SAID")) {
      int row = c.row(w);
      assertThat(row).as(w).isNotNegative();
      for (int g = 0; g < 2; g++) {
        assertThat(c.classOf(row, g)).isEqualTo(c.classes(w)[g]);
      }
    }
    // As is first, then lower-cased, then capitalised: "PARIS" is "paris", "Paris" itself.
    assertThat(c.classes("PARIS")).containsExactly(6, 12);
    assertThat(c.classes("Paris")).containsExactly(5, 10);
    assertThat(c.classes("ZÜRICH")).containsExactly(4, 8);
    assertThat(c.row("Geneva")).isEqualTo(-1);
    assertThat(c.classes("Geneva")).isNull();
  }

  @Test
  void aWordSeesTheClassesOfTheWordsTwoPlacesAwayOnEitherSide() {
    NerFeatures f = new NerFeatures(null, CLUSTERS);
    long[] flew = features(f, "She flew to Lisbon .", 1);
    // +2 neighbour "Lisbon" at both granularities; an unknown -2 neighbour is "beyond the start".
    assertThat(has(flew, NerFeatures.hash(130, 1))).isTrue();
    assertThat(has(flew, NerFeatures.hash(131, 7))).isTrue();
    assertThat(has(flew, NerFeatures.hash(120, -2))).isTrue();
    long[] lisbon = features(f, "She flew to Lisbon .", 3);
    assertThat(has(lisbon, NerFeatures.hash(120, 3))).isTrue(); // "flew" two to the left
  }

  @Test
  void wordsOfOneClassShareTheirClassFeaturesWhateverTheirCase() {
    NerFeatures f = new NerFeatures(null, CLUSTERS);
    long[] lisbon = features(f, "She flew to Lisbon .", 3);
    long[] oporto = features(f, "SHE FLEW TO OPORTO .", 3);
    for (int g = 0; g < 2; g++) {
      long own = NerFeatures.hash(40 + g, CLUSTERS.classes("lisbon")[g]);
      assertThat(has(lisbon, own)).isTrue();
      assertThat(has(oporto, own)).isTrue();
    }
  }

  @Test
  void gazetteerMatchesBecomeTypeEvidenceWithTheirPosition() throws Exception {
    Gazetteer g =
        Gazetteer.read(
            new ByteArrayInputStream("CITY\tSan Marcos\n".getBytes(StandardCharsets.UTF_8)));
    NerFeatures f = new NerFeatures(g, null);
    long[] san = features(f, "in San Marcos today", 1);
    long[] marcos = features(f, "in San Marcos today", 2);
    long[] today = features(f, "in San Marcos today", 3);
    assertThat(has(san, NerFeatures.hash(32, 0, 1))).isTrue(); // B of CITY
    assertThat(has(marcos, NerFeatures.hash(32, 0, 3))).isTrue(); // L of CITY
    assertThat(has(today, NerFeatures.hash(34, 0, 3))).isTrue(); // follows the end of a CITY
    assertThat(has(today, NerFeatures.hash(32, 0, 3))).isFalse();
  }

  @Test
  void transitionFeaturesDependOnThePreviousLabelAndTheShape() {
    long[] a = new long[2];
    long[] b = new long[2];
    NerFeatures.pairFeatures(Labels.O, "Xx", a);
    NerFeatures.pairFeatures(Labels.label(0, Labels.B), "Xx", b);
    assertThat(a[0]).isNotEqualTo(b[0]);
    assertThat(a[1]).isNotEqualTo(b[1]);
    NerFeatures.pairFeatures(Labels.O, "x", b);
    assertThat(a[0]).isEqualTo(b[0]);
    assertThat(a[1]).isNotEqualTo(b[1]);
  }

  @Test
  void aKeywordGivesItsTypeToEveryWordOfTheCapitalisedName() {
    String[] words = "He joined the University of Tarvel Records in Lake Orm".split(" ");
    String[] lower = Arrays.stream(words).map(String::toLowerCase).toArray(String[]::new);
    int[] runs = NerFeatures.keywordRuns(words, lower);

    // "University of Tarvel Records": one name with two organisation keywords.
    int org = 1; // ORG_KEY is the first category of the list
    assertThat(runs[3] & 0xff).as("University is itself a keyword").isEqualTo(org);
    assertThat((runs[3] >>> 8) & 0xff).as("Records comes later").isEqualTo(org);
    assertThat((runs[5] >>> 16) & 0xff).as("Tarvel has University before it").isEqualTo(org);
    assertThat((runs[5] >>> 8) & 0xff).as("and Records after it").isEqualTo(org);
    assertThat(runs[5] & 0xff).isZero();
    assertThat(runs[3] >>> 24).as("first word").isEqualTo(1);
    assertThat(runs[6] >>> 24).as("last word").isEqualTo(3);
    // "Lake Orm": a place keyword before "Orm"; words outside names carry nothing.
    assertThat((runs[9] >>> 16) & 0xff).isEqualTo(2);
    assertThat(runs[0]).isZero();
    assertThat(runs[7]).isZero();
  }

  @Test
  void aCapitalisedNameWithoutKeywordsGetsNoKeywordFeatures() {
    String[] words = "Ilse Varga met Tromso officials".split(" ");
    String[] lower = Arrays.stream(words).map(String::toLowerCase).toArray(String[]::new);
    assertThat(NerFeatures.keywordRuns(words, lower)).containsOnly(0);
  }

  @Test
  void identityDropoutHidesOnlyTheWordFeaturesOfCapitalisedTokens() {
    NerFeatures f = new NerFeatures(null, CLUSTERS);
    NerFeatures.Doc doc = f.prepare(List.<String[]>of("Ilse flew to Lisbon".split(" ")));

    NerFeatures.Doc dropped = NerFeatures.dropIdentity(doc, new java.util.Random(1), 1.0);

    for (int i : new int[] {0, 3}) {
      long[] all = doc.statics[0][i];
      long[] kept = dropped.statics[0][i];
      assertThat(kept).hasSize(all.length - NerFeatures.IDENTITY);
      String low = doc.lower[0][i];
      assertThat(has(all, NerFeatures.hash(2, low))).isTrue();
      assertThat(has(kept, NerFeatures.hash(2, low))).as("word of %s", low).isFalse();
      assertThat(kept[0]).as("bias").isEqualTo(all[0]);
      assertThat(Arrays.copyOfRange(kept, 1, kept.length))
          .containsExactly(Arrays.copyOfRange(all, 1 + NerFeatures.IDENTITY, all.length));
    }
    assertThat(dropped.statics[0][1]).as("lower-case word kept").isSameAs(doc.statics[0][1]);
    assertThat(NerFeatures.dropIdentity(doc, new java.util.Random(1), 0.0).statics[0][0])
        .isSameAs(doc.statics[0][0]);
  }

  @Test
  void tokenFeaturesAreTheMultiWordOnesPlusEachWordsOwnAndItsNeighboursParts() {
    NerFeatures f = new NerFeatures(null, CLUSTERS);
    List<String[]> doc =
        List.of(
            "Ilse flew to Lisbon , then to Oporto in 1996 .".split(" "),
            "LISBON".split(" "),
            "He said \u201cno\u201d to Lisbon".split(" "));
    NerFeatures.Doc full = f.prepare(doc);
    NerFeatures.Doc split = f.prepare(doc, false);
    long[] buf = new long[f.maxWordLocalFeatures()];
    int[] offsets = {-1, 1, -2, 2}; // PREV, NEXT, then the second previous and next
    for (int s = 0; s < doc.size(); s++) {
      String[] words = full.words[s];
      for (int i = 0; i < words.length; i++) {
        List<Long> joined = new java.util.ArrayList<>();
        for (long x : split.statics[s][i]) {
          joined.add(x);
        }
        int k = f.wordLocalFeatures(words[i], buf);
        for (int j = 0; j < k; j++) {
          joined.add(buf[j]);
        }
        for (int r = 0; r < NerFeatures.NEIGHBOURS; r++) {
          int at = i + offsets[r];
          if (at >= 0 && at < words.length) {
            k = f.neighbourFeatures(words[at], r, buf);
            for (int j = 0; j < k; j++) {
              joined.add(buf[j]);
            }
          }
        }
        long[] expected = full.statics[s][i].clone();
        long[] actual = joined.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(expected);
        Arrays.sort(actual);
        assertThat(actual).as("sentence %d token %d", s, i).containsExactly(expected);
      }
    }
  }

  @Test
  void wordPartsAreTheWordsOwnFeaturesThenItsFeaturesAsEachNeighbour() {
    NerFeatures f = new NerFeatures(null, CLUSTERS);
    long[] parts = new long[(1 + NerFeatures.NEIGHBOURS) * f.maxWordLocalFeatures()];
    int[] ends = new int[1 + NerFeatures.NEIGHBOURS];
    long[] buf = new long[f.maxWordLocalFeatures()];
    for (String word : List.of("Lisbon", "lisbon", "LISBON", "Oporto", "1996", "“no”", "Zé")) {
      f.wordParts(word, parts, ends);

      int k = f.wordLocalFeatures(word, buf);
      assertThat(Arrays.copyOfRange(parts, 0, ends[0]))
          .as(word)
          .containsExactly(Arrays.copyOf(buf, k));
      for (int r = 0; r < NerFeatures.NEIGHBOURS; r++) {
        k = f.neighbourFeatures(word, r, buf);
        assertThat(Arrays.copyOfRange(parts, ends[r], ends[r + 1]))
            .as("%s as neighbour %d", word, r)
            .containsExactly(Arrays.copyOf(buf, k));
      }
    }
  }

  @Test
  void aShapeFoldsEachRunOfOneCharacterClass() {
    assertThat(NerFeatures.shape("Lisbon")).isEqualTo("Xx");
    assertThat(NerFeatures.shape("lisbon")).isEqualTo("x");
    assertThat(NerFeatures.shape("NATO")).isEqualTo("X");
    assertThat(NerFeatures.shape("1996")).isEqualTo("d");
    assertThat(NerFeatures.shape(",")).isEqualTo(",");
    assertThat(NerFeatures.shape("McDonald")).isEqualTo("XxXx");
    assertThat(NerFeatures.shape("U.S.")).isEqualTo("X.X.");
    assertThat(NerFeatures.shape("al-Sudani")).isEqualTo("x-Xx");
    assertThat(NerFeatures.shape("Zé")).isEqualTo("Xx");
    assertThat(NerFeatures.shape("\u4e1c\u4eac")).isEqualTo("x");
    assertThat(NerFeatures.shape("\u0000a")).isEqualTo("x");
    assertThat(NerFeatures.shape("\u0000")).isEmpty();
    assertThat(NerFeatures.shape("")).isEmpty();
  }
}
