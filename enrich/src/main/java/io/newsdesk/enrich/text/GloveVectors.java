package io.newsdesk.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a GloVe text file ({@code word v1 v2 ...} a line, most frequent first, optionally gzipped),
 * the outside knowledge the entity and sentiment models are built from.
 */
public final class GloveVectors {

  /** The words read and their vectors, scaled to unit length, in file order. */
  public record Read(List<String> words, List<float[]> vectors) {}

  private GloveVectors() {}

  /** The first {@code maxWords} words of {@code glove} with unit-length vectors. */
  public static Read readUnitLength(Path glove, int maxWords) throws IOException {
    List<String> words = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    InputStream raw = Files.newInputStream(glove);
    InputStream in = glove.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      for (String s; words.size() < maxWords && (s = r.readLine()) != null; ) {
        String[] f = s.split(" ");
        if (f.length < 3) {
          continue;
        }
        float[] v = new float[f.length - 1];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
          v[d] = Float.parseFloat(f[d + 1]);
          norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm + 1e-12));
        for (int d = 0; d < v.length; d++) {
          v[d] *= inv;
        }
        words.add(f[0]);
        vectors.add(v);
      }
    }
    return new Read(words, vectors);
  }
}
