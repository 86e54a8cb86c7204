package io.newsdesk.enrich.sentiment;

import io.newsdesk.enrich.text.GloveVectors;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Word classes from k-means over GloVe vectors: words the training targets never show share a class
 * with words they do. Immutable once loaded.
 */
final class WordClusters {

  /** Where the shipped classes sit on the classpath. */
  static final String RESOURCE = "/io/newsdesk/enrich/sentiment/glove-clusters.tsv.gz";

  private static final WordClusters STANDARD = load();

  private final WordTable cluster;
  private final Map<String, Integer> entries;

  private WordClusters(Map<String, Integer> cluster) {
    this.cluster = new WordTable(cluster);
    this.entries = cluster;
  }

  /**
   * The class of each row of {@code vectors} (-1 for none), so that a token's row gives its class
   * without a second look-up; {@link #coveredBy} tells whether every classed word has a row.
   */
  int[] byRow(WordVectors vectors) {
    int[] out = new int[vectors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = of(vectors.word(i));
    }
    return out;
  }

  /** Whether every word with a class has a row in {@code vectors}. */
  boolean coveredBy(WordVectors vectors) {
    return entries.keySet().stream().allMatch(w -> vectors.id(w) >= 0);
  }

  static WordClusters standard() {
    return STANDARD;
  }

  /** The class of a lower-cased word, or -1. */
  int of(String word) {
    return cluster.get(word);
  }

  private static WordClusters load() {
    Map<String, Integer> m = new HashMap<>();
    try (InputStream in = WordClusters.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new WordClusters(m);
      }
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      for (String s; (s = r.readLine()) != null; ) {
        int tab = s.indexOf('\t');
        if (tab > 0) {
          m.put(s.substring(0, tab), Integer.parseInt(s.substring(tab + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WordClusters(m);
  }

  /**
   * Clusters the first {@code words} vectors of a GloVe text file (gzipped, most frequent first)
   * into {@code k} classes with seeded k-means and returns the gzipped {@code word TAB class}
   * lines.
   */
  static byte[] build(Path glove, int words, int k, int iterations) throws IOException {
    GloveVectors.Read read = GloveVectors.readUnitLength(glove, words);
    List<String> vocab = read.words();
    List<float[]> vectors = read.vectors();
    int n = vocab.size();
    int dims = vectors.get(0).length;
    float[][] centres = new float[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = vectors.get((int) ((long) c * n / k)).clone();
    }
    int[] assign = new int[n];
    for (int it = 0; it < iterations; it++) {
      for (int i = 0; i < n; i++) {
        float[] v = vectors.get(i);
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
        assign[i] = best;
      }
      float[][] sums = new float[k][dims];
      for (int i = 0; i < n; i++) {
        float[] v = vectors.get(i);
        for (int d = 0; d < dims; d++) {
          sums[assign[i]][d] += v[d];
        }
      }
      for (int c = 0; c < k; c++) {
        double norm = 0;
        for (int d = 0; d < dims; d++) {
          norm += sums[c][d] * sums[c][d];
        }
        if (norm > 0) {
          float inv = (float) (1 / Math.sqrt(norm));
          for (int d = 0; d < dims; d++) {
            centres[c][d] = sums[c][d] * inv;
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w =
        new java.io.OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        w.write(vocab.get(i) + "\t" + assign[i] + "\n");
      }
    }
    return out.toByteArray();
  }
}
