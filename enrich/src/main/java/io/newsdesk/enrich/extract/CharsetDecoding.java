package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Utf8Bytes;
import java.nio.charset.Charset;
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

  /**
   * Decodes the body, or fails with {@code UNDECODABLE} when it is binary. A declared charset is
   * used only when the bytes fit it: UTF-16/32 needs its NUL pattern, UTF-8 needs valid UTF-8, and
   * a single-byte label gives way to bytes that are valid multi-byte UTF-8. Otherwise the bytes are
   * sniffed: byte-order mark, NUL pattern (UTF-16 without BOM), UTF-8 validity, then windows-1252.
   * Stray NUL characters are dropped from the text.
   */
  static String decode(byte[] body, String declared, boolean html) throws ExtractionException {
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
      cs = utf16ByNulPattern(body);
    }
    if (cs == null && looksBinary(body)) {
      throw new ExtractionException(
          ExtractionException.Reason.UNDECODABLE, "body looks binary, not text");
    }
    Utf8Reading utf8 = new Utf8Reading(body);
    if (cs == null) {
      cs = plausible(lookup(declared), body, utf8);
    }
    if (cs == null && html) {
      String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        cs = plausible(lookup(m.group(1)), body, utf8);
      }
    }
    if (cs == null) {
      cs = utf8.strict() ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }
    String text =
        skip == 0 && cs.equals(StandardCharsets.UTF_8) && utf8.text != null
            ? utf8.text
            : new String(body, skip, body.length - skip, cs);
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  /**
   * The body read as UTF-8 once, on the first question: whether it is strict UTF-8 ({@link
   * #strictUtf8}), and the text, which the decoding then reuses. Checking the bytes and then
   * decoding them read every byte twice; the JDK's decoder turns every malformed sequence into
   * U+FFFD, so a text without one proves the bytes well-formed, and only a text with one (rare: a
   * page that is not UTF-8, or that writes U+FFFD itself) needs the byte check.
   */
  private static final class Utf8Reading {
    private final byte[] body;
    private Boolean strict;
    String text;

    Utf8Reading(byte[] body) {
      this.body = body;
    }

    boolean strict() {
      if (strict == null) {
        text = new String(body, StandardCharsets.UTF_8);
        strict = text.indexOf('\uFFFD') < 0 || strictUtf8(body);
      }
      return strict;
    }
  }

  /** {@code cs} when the body can be text in it, else null (so the bytes are sniffed). */
  private static Charset plausible(Charset cs, byte[] body, Utf8Reading utf8) {
    if (cs == null) {
      return null;
    }
    String name = cs.name().toUpperCase(Locale.ROOT);
    if (name.startsWith("UTF-16") || name.startsWith("UTF-32")) {
      return null; // without a BOM, UTF-16 was recognised by its NUL pattern already
    }
    if (cs.equals(StandardCharsets.UTF_8)) {
      return utf8.strict() ? cs : null;
    }
    if (isSingleByte(cs) && hasMultiByteUtf8(body) && utf8.strict()) {
      return StandardCharsets.UTF_8; // labelled Latin-1 (or the like) but written in UTF-8
    }
    return cs;
  }

  private static boolean isSingleByte(Charset cs) {
    return cs.newEncoder().maxBytesPerChar() <= 1.0f;
  }

  private static boolean hasMultiByteUtf8(byte[] body) {
    int n = Math.min(body.length, 1 << 20);
    for (int i = 0; i < n; i++) {
      if ((body[i] & 0x80) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * UTF-16 without a byte-order mark: in the first 8 KB, most bytes at one parity are NUL (the high
   * byte of Latin characters) and few at the other.
   */
  static Charset utf16ByNulPattern(byte[] body) {
    int n = Math.min(body.length, 8192) & ~1;
    if (n < 4) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < n; i += 2) {
      if (body[i] == 0) {
        evenNul++;
      }
      if (body[i + 1] == 0) {
        oddNul++;
      }
    }
    int pairs = n / 2;
    if (evenNul * 10 >= pairs * 6 && oddNul * 10 < pairs) {
      return StandardCharsets.UTF_16BE;
    }
    if (oddNul * 10 >= pairs * 6 && evenNul * 10 < pairs) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
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
    int end = Math.min(body.length, 1 << 20);
    // Never cut a multi-byte sequence in two when checking a prefix.
    while (end < body.length && end > 0 && (body[end] & 0xC0) == 0x80) {
      end--;
    }
    return Utf8Bytes.isWellFormed(body, 0, end);
  }

  /**
   * Many NUL bytes or control characters in the first 8 KB (more than one in twenty, and at least
   * eight, or a quarter of a tiny body): not a text document. A few stray NULs are not enough; they
   * are dropped from the decoded text.
   */
  static boolean looksBinary(byte[] body) {
    int n = Math.min(body.length, 8192);
    if (n >= 2 && ((body[0] & 0xff) == 0xFE || (body[0] & 0xff) == 0xFF)) {
      return false; // UTF-16 with a byte-order mark carries NULs legitimately
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
        control++;
      }
    }
    // A few stray NULs in a page are noise; in a tiny body a quarter of control bytes is binary.
    return control > n / 20 && control >= Math.min(8, Math.max(1, n / 4));
  }
}
