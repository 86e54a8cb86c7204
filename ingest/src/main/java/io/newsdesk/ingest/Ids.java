package io.newsdesk.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable document ids and content hashes. */
public final class Ids {
  private Ids() {}

  /** The document id of a canonical URL: the first 32 hex characters of its SHA-256. */
  public static String forUrl(String canonicalUrl) {
    return sha256Hex(canonicalUrl.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  /** The document id of a body without URL. */
  public static String forBody(byte[] body) {
    return sha256Hex(body).substring(0, 32);
  }

  /** The full hex SHA-256 of some bytes. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
