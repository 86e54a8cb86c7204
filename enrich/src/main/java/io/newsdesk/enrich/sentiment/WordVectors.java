package io.newsdesk.enrich.sentiment;

import io.newsdesk.enrich.text.GloveVectors;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Outside knowledge about words: unit-length GloVe vectors of the most frequent words, quantized to
 * one byte per dimension, and a polarity for each of them extended from the sentiment lexicon
 * through nearest neighbours in the vector space (a word the training targets never show is as
 * positive or negative as the lexicon words it sits among). Immutable once loaded.
 */
final class WordVectors {

  /** Where the shipped vectors sit on the classpath. */
  static final String RESOURCE = "/io/newsdesk/enrich/sentiment/glove-vectors.bin.gz";

  private static final int MAGIC = 0x4E445756; // "NDWV"

  /** Neighbours among the seeds that vote on a word's polarity. */
  static final int NEIGHBOURS = 10;

  private static final WordVectors STANDARD = load();

  final int dims;
  private final Map<String, Integer> index;
  private final WordTable rows;
  private final String[] words;
  private final float[] vectors;
  private final float[] polarity;

  WordVectors(int dims, Map<String, Integer> index, float[] vectors, float[] polarity) {
    this.dims = dims;
    this.index = index;
    this.rows = new WordTable(index);
    this.words = new String[polarity.length];
    index.forEach((w, i) -> words[i] = w);
    this.vectors = vectors;
    this.polarity = polarity;
  }

  static WordVectors standard() {
    return STANDARD;
  }

  /** Row of a lower-cased word, or -1 when it is not among the shipped words. */
  int id(String word) {
    return rows.get(word);
  }

  /** The word of row {@code id}. */
  String word(int id) {
    return words[id];
  }

  int size() {
    return polarity.length;
  }

  /** Adds {@code weight} times the vector of row {@code id} to {@code into[offset..]}. */
  void addTo(int id, float weight, float[] into, int offset) {
    int base = id * dims;
    for (int d = 0; d < dims; d++) {
      into[offset + d] += weight * vectors[base + d];
    }
  }

  /** Component {@code d} of the vector of row {@code id}. */
  float value(int id, int d) {
    return vectors[id * dims + d];
  }

  /** Cosine similarity of two rows (the vectors are unit length). */
  float similarity(int a, int b) {
    float dot = 0;
    for (int d = 0; d < dims; d++) {
      dot += vectors[a * dims + d] * vectors[b * dims + d];
    }
    return dot;
  }

  /** Polarity extended through the vectors, about -1..1; 0 for an unknown row. */
  float polarity(int id) {
    return id < 0 ? 0f : polarity[id];
  }

  private static WordVectors load() {
    try (InputStream in = WordVectors.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new WordVectors(1, Map.of(), new float[0], new float[0]);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WordVectors read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    if (in.readInt() != MAGIC) {
      throw new IOException("Not a Newsdesk word vector file");
    }
    int n = in.readInt();
    int dims = in.readInt();
    Map<String, Integer> index = new HashMap<>(n * 2);
    float[] vectors = new float[n * dims];
    float[] polarity = new float[n];
    byte[] row = new byte[dims];
    for (int i = 0; i < n; i++) {
      index.put(in.readUTF(), i);
      polarity[i] = in.readByte() / 127f;
      in.readFully(row);
      for (int d = 0; d < dims; d++) {
        vectors[i * dims + d] = row[d] / 127f;
      }
    }
    return new WordVectors(dims, Map.copyOf(index), vectors, polarity);
  }

  /** The gzipped file {@link #read} loads: vectors and polarities quantized to a byte each. */
  byte[] write() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
        out.writeInt(MAGIC);
        out.writeInt(words.length);
        out.writeInt(dims);
        for (int i = 0; i < words.length; i++) {
          out.writeUTF(words[i]);
          out.writeByte(quantize(polarity[i]));
          for (int d = 0; d < dims; d++) {
            out.writeByte(quantize(vectors[i * dims + d]));
          }
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int quantize(float x) {
    return Math.max(-127, Math.min(127, Math.round(x * 127f)));
  }

  /**
   * Reads the first {@code words} vectors of a GloVe text file (gzipped, most frequent first),
   * scales each to unit length and extends {@code lex}'s valences to every word: a word's polarity
   * is the similarity-weighted mean valence of its {@link #NEIGHBOURS} nearest seeds, the seeds
   * being the lexicon's words plus the most frequent words it leaves out (valence 0), so that a
   * word near only neutral words stays near 0. A lexicon word keeps its own valence.
   */
  static WordVectors build(Path gloveFile, int words, Lexicon lex) throws IOException {
    GloveVectors.Read glove = GloveVectors.readUnitLength(gloveFile, words);
    List<String> vocab = glove.words();
    List<float[]> rows = glove.vectors();
    int n = vocab.size();
    int dims = rows.get(0).length;
    float[] vectors = new float[n * dims];
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      // Stored as the quantized values so that neighbours are computed as they will be read.
      for (int d = 0; d < dims; d++) {
        vectors[i * dims + d] = quantize(rows.get(i)[d]) / 127f;
      }
      index.put(vocab.get(i), i);
    }
    float[] seedValence = new float[n];
    List<Integer> seeds = new ArrayList<>();
    int neutralSeeds = 0;
    for (int i = 0; i < n; i++) {
      float v = lex.valence(vocab.get(i));
      if (v != 0f) {
        seedValence[i] = v / 4f;
        seeds.add(i);
      } else if (neutralSeeds < 5_000 && vocab.get(i).chars().allMatch(Character::isLetter)) {
        seeds.add(i);
        neutralSeeds++;
      }
    }
    WordVectors partial = new WordVectors(dims, index, vectors, new float[n]);
    float[] polarity = new float[n];
    float[] bestSim = new float[NEIGHBOURS];
    int[] bestSeed = new int[NEIGHBOURS];
    for (int i = 0; i < n; i++) {
      if (seedValence[i] != 0f) {
        polarity[i] = seedValence[i];
        continue;
      }
      java.util.Arrays.fill(bestSim, -2f);
      for (int s : seeds) {
        if (s == i) {
          continue;
        }
        float sim = partial.similarity(i, s);
        if (sim > bestSim[NEIGHBOURS - 1]) {
          int k = NEIGHBOURS - 1;
          while (k > 0 && bestSim[k - 1] < sim) {
            bestSim[k] = bestSim[k - 1];
            bestSeed[k] = bestSeed[k - 1];
            k--;
          }
          bestSim[k] = sim;
          bestSeed[k] = s;
        }
      }
      double num = 0;
      double den = 0;
      for (int k = 0; k < NEIGHBOURS; k++) {
        double w = Math.max(0, bestSim[k]);
        num += w * seedValence[bestSeed[k]];
        den += w;
      }
      polarity[i] = den == 0 ? 0f : (float) (num / den);
    }
    return new WordVectors(dims, Map.copyOf(index), vectors, polarity);
  }
}
