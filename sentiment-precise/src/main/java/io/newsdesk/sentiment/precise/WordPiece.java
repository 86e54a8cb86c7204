package io.newsdesk.sentiment.precise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased tokenization over the MiniLM vocabulary: words split at whitespace and
 * punctuation, lower-cased without accents, then greedy longest-match word pieces ({@code ##}
 * continues a word). Every piece keeps the character span of its word in the original text, so that
 * a target's offsets map to pieces.
 */
final class WordPiece {

  static final int PAD = 0;
  static final int UNK = 100;
  static final int CLS = 101;
  static final int SEP = 102;

  /** Pieces of a text: vocabulary ids and, per piece, the span of its word in the text. */
  record Pieces(int[] ids, int[] from, int[] to) {
    int size() {
      return ids.length;
    }
  }

  private final Map<String, Integer> vocab;

  WordPiece(Map<String, Integer> vocab) {
    this.vocab = vocab;
  }

  /** The vocabulary of a HuggingFace {@code tokenizer.json} on the class path. */
  static WordPiece resource(String name) {
    try (InputStream in = WordPiece.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource not on the class path: " + name);
      }
      JsonNode v = new ObjectMapper().readTree(in).path("model").path("vocab");
      Map<String, Integer> vocab = new HashMap<>();
      v.fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
      return new WordPiece(vocab);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int id(String piece) {
    return vocab.getOrDefault(piece, UNK);
  }

  Pieces pieces(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      int len = Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        i += len;
      } else if (isPunctuation(c) || isCjk(c)) {
        addWord(text, i, i + len, out);
        i += len;
      } else {
        int j = i + len;
        while (j < n) {
          int d = text.codePointAt(j);
          if (Character.isWhitespace(d)
              || Character.isISOControl(d)
              || Character.isSpaceChar(d)
              || isPunctuation(d)
              || isCjk(d)) {
            break;
          }
          j += Character.charCount(d);
        }
        addWord(text, i, j, out);
        i = j;
      }
    }
    int[] ids = new int[out.size()];
    int[] from = new int[out.size()];
    int[] to = new int[out.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = out.get(k)[0];
      from[k] = out.get(k)[1];
      to[k] = out.get(k)[2];
    }
    return new Pieces(ids, from, to);
  }

  private void addWord(String text, int from, int to, List<int[]> out) {
    String word = normalize(text.substring(from, to));
    if (word.isEmpty()) {
      return;
    }
    if (word.length() > 100) {
      out.add(new int[] {UNK, from, to});
      return;
    }
    int start = 0;
    List<int[]> pieces = new ArrayList<>();
    while (start < word.length()) {
      int end = word.length();
      Integer id = null;
      while (start < end) {
        String sub = word.substring(start, end);
        id = vocab.get(start > 0 ? "##" + sub : sub);
        if (id != null) {
          break;
        }
        end--;
      }
      if (id == null) {
        out.add(new int[] {UNK, from, to});
        return;
      }
      pieces.add(new int[] {id, from, to});
      start = end;
    }
    out.addAll(pieces);
  }

  private static String normalize(String word) {
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(nfd.length());
    nfd.codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && c != 0xFFFD && c != 0)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  private static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47)
        || (c >= 58 && c <= 64)
        || (c >= 91 && c <= 96)
        || (c >= 123 && c <= 126)) {
      return true;
    }
    int t = Character.getType(c);
    return t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
