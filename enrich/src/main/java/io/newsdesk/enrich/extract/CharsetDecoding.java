package io.newsdesk.enrich.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes document bytes: byte-order mark, declared charset, HTML meta tag, then UTF-8. */
final class CharsetDecoding {

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);

  private CharsetDecoding() {}

  /** Decodes the body, or fails with {@code UNDECODABLE} when it is binary. */
  static String decode(byte[] body, String declared, boolean html) throws ExtractionException {
    if (looksBinary(body)) {
      throw new ExtractionException(
          ExtractionException.Reason.UNDECODABLE, "body looks binary, not text");
    }
    int skip = 0;
    Charset cs = null;
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      cs = StandardCharsets.UTF_8;
      skip = 3;
    } else if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    if (cs == null) {
      cs = lookup(declared);
    }
    if (cs == null && html) {
      String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        cs = lookup(m.group(1));
      }
    }
    if (cs == null) {
      cs = strictUtf8(body) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }
    return new String(body, skip, body.length - skip, cs);
  }

  private static Charset lookup(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    // Browsers read these labels as windows-1252, and so do we.
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii")) {
      n = "windows-1252";
    }
    try {
      return Charset.forName(n);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean strictUtf8(byte[] body) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int end = Math.min(body.length, 1 << 20);
    // Never cut a multi-byte sequence in two when checking a prefix.
    while (end < body.length && end > 0 && (body[end] & 0xC0) == 0x80) {
      end--;
    }
    try {
      CharBuffer decoded = d.decode(ByteBuffer.wrap(body, 0, end));
      return decoded != null;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** NUL bytes or many control characters in the first 8 KB: not a text document. */
  static boolean looksBinary(byte[] body) {
    int n = Math.min(body.length, 8192);
    if (n >= 2 && ((body[0] & 0xff) == 0xFE || (body[0] & 0xff) == 0xFF)) {
      return false; // UTF-16 with a byte-order mark carries NULs legitimately
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
        control++;
      }
    }
    return n > 0 && control > n / 20;
  }
}
