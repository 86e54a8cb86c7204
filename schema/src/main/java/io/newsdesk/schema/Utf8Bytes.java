package io.newsdesk.schema;

/**
 * Checks that bytes are well-formed UTF-8; shared by ingest and enrich, which both let such bytes
 * pass as they are instead of decoding and encoding them again.
 */
public final class Utf8Bytes {

  private Utf8Bytes() {}

  /**
   * Whether {@code b[from, to)} is well-formed UTF-8 as the JDK's strict decoder reads it: no
   * overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut at the end. A loop over
   * the bytes: decoding a page only to check it cost as much as decoding it.
   */
  public static boolean isWellFormed(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) {
          lo = 0xA0;
        } else if (c == 0xED) {
          hi = 0x9F;
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) {
          lo = 0x90;
        } else if (c == 0xF4) {
          hi = 0x8F;
        }
      } else {
        return false;
      }
      if (i + need >= to) {
        return false;
      }
      int second = b[i + 1] & 0xff;
      if (second < lo || second > hi) {
        return false;
      }
      for (int k = 2; k <= need; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += need + 1;
    }
    return true;
  }
}
