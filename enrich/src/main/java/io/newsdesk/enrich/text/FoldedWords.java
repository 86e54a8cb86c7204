package io.newsdesk.enrich.text;

import java.util.Arrays;

/**
 * A text folded to its words in one pass: lower-cased runs of letters and digits joined by single
 * spaces (what {@code TextFingerprint.normalise} gives), with each word's place in that folded text
 * and the 64-bit FNV-1a hash of its UTF-8 bytes, so that callers neither split the folded text nor
 * encode its words again. Immutable.
 */
public final class FoldedWords {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final String folded;
  private final int count;
  private final int[] starts;
  private final int[] ends;
  private final long[] hashes;

  private FoldedWords(String folded, int count, int[] starts, int[] ends, long[] hashes) {
    this.folded = folded;
    this.count = count;
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
  }

  /** The words of {@code text}: code points that are letters or digits, lower-cased. */
  public static FoldedWords of(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int[] starts = new int[16];
    int[] ends = new int[16];
    long[] hashes = new long[16];
    int count = 0;
    boolean inWord = false;
    long h = FNV_OFFSET;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (!inWord) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
          }
          if (count > 0) {
            ends[count - 1] = sb.length();
            hashes[count - 1] = h;
            sb.append(' ');
          }
          starts[count++] = sb.length();
          h = FNV_OFFSET;
          inWord = true;
        }
        int lower = Character.toLowerCase(cp);
        sb.appendCodePoint(lower);
        h = hashUtf8(h, lower);
      } else {
        inWord = false;
      }
    }
    if (count > 0) {
      ends[count - 1] = sb.length();
      hashes[count - 1] = h;
    }
    return new FoldedWords(sb.toString(), count, starts, ends, hashes);
  }

  // Folds the UTF-8 bytes of one code point (never a lone surrogate: those are no letters) into h.
  private static long hashUtf8(long h, int cp) {
    if (cp < 0x80) {
      return (h ^ cp) * FNV_PRIME;
    }
    if (cp < 0x800) {
      h = (h ^ (0xc0 | cp >>> 6)) * FNV_PRIME;
    } else {
      if (cp < 0x10000) {
        h = (h ^ (0xe0 | cp >>> 12)) * FNV_PRIME;
      } else {
        h = (h ^ (0xf0 | cp >>> 18)) * FNV_PRIME;
        h = (h ^ (0x80 | (cp >>> 12) & 0x3f)) * FNV_PRIME;
      }
      h = (h ^ (0x80 | (cp >>> 6) & 0x3f)) * FNV_PRIME;
    }
    return (h ^ (0x80 | cp & 0x3f)) * FNV_PRIME;
  }

  /** The folded text: the words joined by single spaces; empty for a text without words. */
  public String text() {
    return folded;
  }

  /** How many words there are. */
  public int count() {
    return count;
  }

  /** Word {@code i} (from 0). */
  public String word(int i) {
    return folded.substring(starts[i], ends[i]);
  }

  /** The length of word {@code i} in chars. */
  public int length(int i) {
    return ends[i] - starts[i];
  }

  /** The first char of word {@code i}. */
  public char firstChar(int i) {
    return folded.charAt(starts[i]);
  }

  /** The 64-bit FNV-1a hash of word {@code i}'s UTF-8 bytes. */
  public long hash(int i) {
    return hashes[i];
  }
}
