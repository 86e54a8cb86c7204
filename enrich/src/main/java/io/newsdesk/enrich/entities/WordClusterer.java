package io.newsdesk.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns flat word classes from unlabelled text with the exchange algorithm (moving each word to
 * the class that most raises the class-bigram likelihood), at several granularities. Deterministic.
 */
final class WordClusterer {

  private static final Logger log = LoggerFactory.getLogger(WordClusterer.class);
  private static final String BOUNDARY = "</s>";

  private WordClusterer() {}

  /**
   * Clusters the words seen at least {@code minCount} times in {@code sentences} into each of the
   * {@code sizes} numbers of classes, running {@code iterations} exchange passes per size.
   */
  static WordClusters cluster(List<String[]> sentences, int minCount, int[] sizes, int iterations) {
    Map<String, Integer> counts = new HashMap<>();
    for (String[] s : sentences) {
      for (String w : s) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    List<String> vocab = new ArrayList<>();
    for (var e : counts.entrySet()) {
      if (e.getValue() >= minCount) {
        vocab.add(e.getKey());
      }
    }
    // Most frequent first, ties by spelling, so that the result does not depend on hash order.
    vocab.sort(
        (a, b) -> {
          int c = Integer.compare(counts.get(b), counts.get(a));
          return c != 0 ? c : a.compareTo(b);
        });
    vocab.add(0, BOUNDARY);
    int v = vocab.size();
    Map<String, Integer> id = new HashMap<>(v * 2);
    for (int i = 0; i < v; i++) {
      id.put(vocab.get(i), i);
    }
    // Word bigrams as sparse successor and predecessor lists; rare words map to no id and break
    // the chain like a boundary.
    Map<Long, Integer> bigrams = new HashMap<>();
    long[] unigram = new long[v];
    for (String[] s : sentences) {
      int prev = 0;
      for (int i = 0; i <= s.length; i++) {
        int cur = i < s.length ? id.getOrDefault(s[i], -1) : 0;
        if (cur < 0) {
          prev = -1;
          continue;
        }
        if (prev >= 0) {
          bigrams.merge(((long) prev << 32) | cur, 1, Integer::sum);
          unigram[prev]++;
          unigram[cur]++;
        }
        prev = cur;
      }
    }
    long[] keys = new long[bigrams.size()];
    int k = 0;
    for (long key : bigrams.keySet()) {
      keys[k++] = key;
    }
    Arrays.sort(keys);
    int[][] next = new int[v][];
    int[][] nextCount = new int[v][];
    int[][] prevW = new int[v][];
    int[][] prevCount = new int[v][];
    int[] nn = new int[v];
    int[] np = new int[v];
    for (long key : keys) {
      nn[(int) (key >>> 32)]++;
      np[(int) key]++;
    }
    for (int w = 0; w < v; w++) {
      next[w] = new int[nn[w]];
      nextCount[w] = new int[nn[w]];
      prevW[w] = new int[np[w]];
      prevCount[w] = new int[np[w]];
    }
    Arrays.fill(nn, 0);
    Arrays.fill(np, 0);
    for (long key : keys) {
      int a = (int) (key >>> 32);
      int b = (int) key;
      int c = bigrams.get(key);
      next[a][nn[a]] = b;
      nextCount[a][nn[a]++] = c;
      prevW[b][np[b]] = a;
      prevCount[b][np[b]++] = c;
    }
    log.info("Clustering {} words, {} distinct bigrams", v, keys.length);
    int[][] classes = new int[sizes.length][];
    for (int g = 0; g < sizes.length; g++) {
      classes[g] = exchange(v, sizes[g], iterations, unigram, next, nextCount, prevW, prevCount);
    }
    Map<String, int[]> out = new HashMap<>(v * 2);
    for (int w = 1; w < v; w++) {
      int[] ids = new int[sizes.length];
      for (int g = 0; g < sizes.length; g++) {
        ids[g] = classes[g][w];
      }
      out.put(vocab.get(w), ids);
    }
    return new WordClusters(out);
  }

  private static int[] exchange(
      int v,
      int c,
      int iterations,
      long[] unigram,
      int[][] next,
      int[][] nextCount,
      int[][] prevW,
      int[][] prevCount) {
    int[] cls = new int[v];
    // The boundary keeps its own class; words start round-robin by frequency rank.
    for (int w = 1; w < v; w++) {
      cls[w] = 1 + (w - 1) % (c - 1);
    }
    long[] classCount = new long[c];
    long[] pair = new long[(long) c * c > Integer.MAX_VALUE ? 0 : c * c];
    for (int w = 0; w < v; w++) {
      classCount[cls[w]] += unigram[w];
      for (int j = 0; j < next[w].length; j++) {
        pair[cls[w] * c + cls[next[w][j]]] += nextCount[w][j];
      }
    }
    long[] toClass = new long[c]; // bigrams w -> class
    long[] fromClass = new long[c]; // bigrams class -> w
    int[] touchedTo = new int[c];
    int[] touchedFrom = new int[c];
    for (int it = 0; it < iterations; it++) {
      int moves = 0;
      for (int w = 1; w < v; w++) {
        int nt = 0;
        int nf = 0;
        long self = 0;
        for (int j = 0; j < next[w].length; j++) {
          int u = next[w][j];
          if (u == w) {
            self += nextCount[w][j];
            continue;
          }
          int cu = cls[u];
          if (toClass[cu] == 0) {
            touchedTo[nt++] = cu;
          }
          toClass[cu] += nextCount[w][j];
        }
        for (int j = 0; j < prevW[w].length; j++) {
          int u = prevW[w][j];
          if (u == w) {
            continue;
          }
          int cu = cls[u];
          if (fromClass[cu] == 0) {
            touchedFrom[nf++] = cu;
          }
          fromClass[cu] += prevCount[w][j];
        }
        int old = cls[w];
        // Take w out of its class.
        for (int j = 0; j < nt; j++) {
          pair[old * c + touchedTo[j]] -= toClass[touchedTo[j]];
        }
        for (int j = 0; j < nf; j++) {
          pair[touchedFrom[j] * c + old] -= fromClass[touchedFrom[j]];
        }
        pair[old * c + old] -= self;
        classCount[old] -= unigram[w];
        int best = old;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int b = 1; b < c; b++) {
          double gain = 0;
          for (int j = 0; j < nt; j++) {
            int t = touchedTo[j];
            long before = pair[b * c + t];
            long add = toClass[t] + (t == b ? fromClass[b] : 0);
            gain += xlogx(before + add) - xlogx(before);
          }
          for (int j = 0; j < nf; j++) {
            int f = touchedFrom[j];
            if (f == b && toClass[b] > 0) {
              continue; // counted with the outgoing bigrams above
            }
            long before = pair[f * c + b];
            long add = fromClass[f] + (f == b ? toClass[b] : 0);
            gain += xlogx(before + add) - xlogx(before);
          }
          if (self > 0) {
            long before = pair[b * c + b] + toClass[b] + fromClass[b];
            gain += xlogx(before + self) - xlogx(before);
            // The self loop sits on top of the within-class counts added above.
          }
          gain -= 2 * (xlogx(classCount[b] + unigram[w]) - xlogx(classCount[b]));
          if (gain > bestGain + 1e-9) {
            bestGain = gain;
            best = b;
          }
        }
        cls[w] = best;
        if (best != old) {
          moves++;
        }
        for (int j = 0; j < nt; j++) {
          pair[best * c + touchedTo[j]] += toClass[touchedTo[j]];
        }
        for (int j = 0; j < nf; j++) {
          pair[touchedFrom[j] * c + best] += fromClass[touchedFrom[j]];
        }
        pair[best * c + best] += self;
        classCount[best] += unigram[w];
        for (int j = 0; j < nt; j++) {
          toClass[touchedTo[j]] = 0;
        }
        for (int j = 0; j < nf; j++) {
          fromClass[touchedFrom[j]] = 0;
        }
      }
      log.info("Exchange with {} classes, pass {}: {} moves", c, it + 1, moves);
      if (moves == 0) {
        break;
      }
    }
    return cls;
  }

  private static double xlogx(long x) {
    return x <= 0 ? 0 : x * Math.log(x);
  }
}
