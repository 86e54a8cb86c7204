package io.newsdesk.enrich;

import io.newsdesk.enrich.text.FoldedWords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A fingerprint of a text that ignores case, punctuation and spacing: exact-duplicate key. */
public final class TextFingerprint {

  private TextFingerprint() {}

  /** Lower-cased letters and digits, runs of anything else folded to one space. */
  public static String normalise(String text) {
    return FoldedWords.of(text).text();
  }

  /** Hex SHA-256 (first 32 characters) of the normalised text. */
  public static String of(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] d = sha.digest(normalise(text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
