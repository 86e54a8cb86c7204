package io.newsdesk.enrich.entities;

import io.newsdesk.enrich.text.GloveVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word classes at several granularities from GloVe vectors by hierarchical (top-down) k-means on
 * the unit sphere: each cluster is split into {@code branching} children, {@code depth} times, so a
 * word's path is a prefix code and every prefix is a coarser class ("paris" and "rome" share their
 * deep class, "paris" and "france" a shallower one). Deterministic for the same input.
 */
final class GloveClusterer {

  /** The default shape: branching 4, depth 6, classes taken at depths 2..6 (16 to 4096 classes). */
  static final int BRANCHING = 4;

  static final int DEPTH = 6;
  static final int[] LEVELS = {2, 3, 4, 5, 6};

  private GloveClusterer() {}

  /** Vectors of a GloVe text file (optionally gzipped), unit length, most frequent first. */
  record Vectors(List<String> words, float[][] vectors) {}

  static Vectors read(Path glove, int maxWords) throws IOException {
    GloveVectors.Read read = GloveVectors.readUnitLength(glove, maxWords);
    return new Vectors(read.words(), read.vectors().toArray(new float[0][]));
  }

  /** Clusters a GloVe file with the default shape. */
  static WordClusters cluster(Path glove) throws IOException {
    return cluster(read(glove, Integer.MAX_VALUE));
  }

  /** Clusters vectors with the default shape. */
  static WordClusters cluster(Vectors v) {
    return cluster(v, BRANCHING, DEPTH, LEVELS, 12);
  }

  /**
   * Word classes: for each word, the class at each of {@code levels} (a depth from 1 to {@code
   * depth}), numbered from 0 within the level.
   */
  static WordClusters cluster(Vectors v, int branching, int depth, int[] levels, int iterations) {
    int n = v.words().size();
    int[] path = new int[n];
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      members[i] = i;
    }
    split(v.vectors(), members, 0, n, 0, branching, depth, iterations, path);
    Map<String, int[]> ids = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int[] c = new int[levels.length];
      for (int g = 0; g < levels.length; g++) {
        c[g] = path[i] / pow(branching, depth - levels[g]);
      }
      ids.putIfAbsent(v.words().get(i), c);
    }
    return new WordClusters(ids);
  }

  private static int pow(int b, int e) {
    int r = 1;
    for (int k = 0; k < e; k++) {
      r *= b;
    }
    return r;
  }

  // Splits members[from, to) into branching groups (reordering them), recursing depth levels.
  private static void split(
      float[][] x,
      int[] members,
      int from,
      int to,
      int level,
      int branching,
      int depth,
      int iterations,
      int[] path) {
    if (level == depth) {
      return;
    }
    int n = to - from;
    int[] assign = new int[n];
    if (n > branching) {
      kmeans(x, members, from, to, branching, iterations, assign);
    } else {
      for (int i = 0; i < n; i++) {
        assign[i] = i;
      }
    }
    // Stable reorder by assigned child so that each child is a contiguous range.
    int[] counts = new int[branching + 1];
    for (int a : assign) {
      counts[a + 1]++;
    }
    for (int c = 0; c < branching; c++) {
      counts[c + 1] += counts[c];
    }
    int[] sorted = new int[n];
    int[] pos = counts.clone();
    for (int i = 0; i < n; i++) {
      sorted[pos[assign[i]]++] = members[from + i];
    }
    System.arraycopy(sorted, 0, members, from, n);
    for (int c = 0; c < branching; c++) {
      for (int i = from + counts[c]; i < from + counts[c + 1]; i++) {
        path[members[i]] = path[members[i]] * branching + c;
      }
      split(
          x,
          members,
          from + counts[c],
          from + counts[c + 1],
          level + 1,
          branching,
          depth,
          iterations,
          path);
    }
  }

  // Spherical k-means seeded with evenly spaced members (frequent words first), deterministic.
  private static void kmeans(
      float[][] x, int[] members, int from, int to, int k, int iterations, int[] assign) {
    int n = to - from;
    int dims = x[members[from]].length;
    float[][] centres = new float[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = x[members[from + (int) ((long) c * n / k)]].clone();
    }
    for (int it = 0; it < iterations; it++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        float[] v = x[members[from + i]];
        int best = 0;
        float bestDot = -Float.MAX_VALUE;
        for (int c = 0; c < k; c++) {
          float[] ce = centres[c];
          float dot = 0;
          for (int d = 0; d < dims; d++) {
            dot += v[d] * ce[d];
          }
          if (dot > bestDot) {
            bestDot = dot;
            best = c;
          }
        }
        if (it == 0 || assign[i] != best) {
          changed = true;
        }
        assign[i] = best;
      }
      if (!changed) {
        break;
      }
      float[][] sums = new float[k][dims];
      int[] sizes = new int[k];
      for (int i = 0; i < n; i++) {
        float[] v = x[members[from + i]];
        sizes[assign[i]]++;
        for (int d = 0; d < dims; d++) {
          sums[assign[i]][d] += v[d];
        }
      }
      for (int c = 0; c < k; c++) {
        double norm = 0;
        for (int d = 0; d < dims; d++) {
          norm += sums[c][d] * sums[c][d];
        }
        if (sizes[c] > 0 && norm > 0) {
          float inv = (float) (1 / Math.sqrt(norm));
          for (int d = 0; d < dims; d++) {
            centres[c][d] = sums[c][d] * inv;
          }
        }
      }
    }
  }
}
