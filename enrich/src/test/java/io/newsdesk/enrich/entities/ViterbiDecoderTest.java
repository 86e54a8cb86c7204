package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViterbiDecoderTest {

  private static final int L = Labels.COUNT;
  private static final int B_PER = Labels.label(0, Labels.B);
  private static final int L_PER = Labels.label(0, Labels.L);
  private static final int U_LOC = Labels.label(2, Labels.U);

  @Test
  void theBestPathBeatsAGreedyChoiceThatClosesTheDoorOnATwoWordName() {
    // "Fuad Hussein": the first word alone looks a little more like a place, but the pair is
    // clearly a person; left to right, the tagger commits to U-LOC and can no longer end a name.
    float[][] emit = new float[2][L];
    emit[0][U_LOC] = 1.0f;
    emit[0][B_PER] = 0.9f;
    emit[1][L_PER] = 5.0f;
    float[][] pair = {new float[L * L], new float[L * L]};

    int[] greedy = ViterbiDecoder.greedy(emit, pair, 2);
    int[] best = ViterbiDecoder.best(emit, pair, 2);

    assertThat(Labels.toIob2(greedy)).containsExactly("B-LOC", "O");
    assertThat(Labels.toIob2(best)).containsExactly("B-PER", "I-PER");
    assertThat(ViterbiDecoder.score(emit, pair, best))
        .isGreaterThan(ViterbiDecoder.score(emit, pair, greedy));
  }

  @Test
  void edgeScoresCanOverruleTokenScores() {
    float[][] emit = new float[2][L];
    emit[0][U_LOC] = 1.0f;
    emit[1][U_LOC] = 1.0f;
    float[][] pair = {new float[L * L], new float[L * L]};
    pair[1][U_LOC * L + U_LOC] = -5f; // two single-word places in a row are unlikely here
    int[] best = ViterbiDecoder.best(emit, pair, 2);
    assertThat(Labels.toIob2(best)).containsExactly("B-LOC", "O");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void findsTheHighestScoringValidPathAsExhaustiveSearchDoes(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(4);
    float[][] emit = gaussian(r, n, L);
    float[][] pair = gaussian(r, n, L * L);
    int[] best = ViterbiDecoder.best(emit, pair, n);
    assertThat(valid(best)).isTrue();
    float bruteForce = exhaustive(emit, pair, new int[n], 0);
    assertThat(ViterbiDecoder.score(emit, pair, best)).isCloseTo(bruteForce, within());
    assertThat(ViterbiDecoder.score(emit, pair, best))
        .isGreaterThanOrEqualTo(
            ViterbiDecoder.score(emit, pair, ViterbiDecoder.greedy(emit, pair, n)) - 1e-4f);
  }

  /** A matrix of standard normal scores. */
  private static float[][] gaussian(Random r, int rows, int width) {
    float[][] m = new float[rows][width];
    for (float[] row : m) {
      for (int k = 0; k < width; k++) {
        row[k] = (float) r.nextGaussian();
      }
    }
    return m;
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(1e-4f);
  }

  private static boolean valid(int[] path) {
    int prev = Labels.O;
    for (int i = 0; i < path.length; i++) {
      if (!Labels.allowed(prev, path[i], i + 1 == path.length)) {
        return false;
      }
      prev = path[i];
    }
    return true;
  }

  private static float exhaustive(float[][] emit, float[][] pair, int[] path, int i) {
    if (i == path.length) {
      return valid(path) ? ViterbiDecoder.score(emit, pair, path) : Float.NEGATIVE_INFINITY;
    }
    float best = Float.NEGATIVE_INFINITY;
    for (int l = 0; l < L; l++) {
      path[i] = l;
      best = Math.max(best, exhaustive(emit, pair, path, i + 1));
    }
    return best;
  }

  @Test
  void backPointersLeftFromAnEarlierSentenceDoNotChangeThePath() {
    Random r = new Random(42);
    int[] back = new int[12 * L];
    java.util.Arrays.fill(back, L - 1); // what a longer sentence could have left there
    for (int n = 1; n <= 12; n++) {
      float[][] emit = gaussian(r, n, L);
      float[][] pair = gaussian(r, n, L * L);
      int[] fresh = ViterbiDecoder.best(emit, pair, n);

      assertThat(ViterbiDecoder.best(emit, pair, n, back)).as("n=%d", n).containsExactly(fresh);
      assertThat(valid(fresh)).isTrue();
    }
  }
}
