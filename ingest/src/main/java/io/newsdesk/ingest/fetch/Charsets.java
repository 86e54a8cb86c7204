package io.newsdesk.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the charset of a body: byte-order mark, Content-Type, XML declaration or HTML meta. */
public final class Charsets {
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_DECL =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
  private static final Pattern META =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

  private Charsets() {}

  /** The MIME type of a Content-Type header without parameters, lower case, or null. */
  public static String mimeType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semi = contentType.indexOf(';');
    String m = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return m.isEmpty() ? null : m.toLowerCase(Locale.ROOT);
  }

  /** The charset parameter of a Content-Type header, or null. */
  public static String fromContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  /** The charset named by a byte-order mark, or null. */
  public static String fromBom(byte[] b) {
    if (b.length >= 4
        && (b[0] & 0xff) == 0
        && (b[1] & 0xff) == 0
        && (b[2] & 0xff) == 0xFE
        && (b[3] & 0xff) == 0xFF) {
      return "UTF-32BE";
    }
    if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return "UTF-8";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return "UTF-16BE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return "UTF-16LE";
    }
    return null;
  }

  /** The encoding of an XML declaration or an HTML meta tag in the first bytes, or null. */
  public static String fromMarkup(byte[] body) {
    String guess = guessUnicodeWithoutBom(body);
    String head;
    if (guess != null) {
      head = new String(body, 0, Math.min(body.length, 4096), Charset.forName(guess));
    } else {
      head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    }
    Matcher x = XML_DECL.matcher(head);
    if (x.find()) {
      return x.group(1);
    }
    Matcher m = META.matcher(head);
    if (m.find()) {
      return m.group(1);
    }
    return guess;
  }

  /** The best charset for a body and its Content-Type header, or null when nothing says. */
  public static String detect(byte[] body, String contentTypeHeader) {
    String bom = fromBom(body);
    if (bom != null) {
      return bom;
    }
    String header = fromContentType(contentTypeHeader);
    if (header != null && isSupported(header) && fits(header, body)) {
      return canonicalName(header);
    }
    String markup = fromMarkup(body);
    if (markup != null && isSupported(markup)) {
      return canonicalName(markup);
    }
    return null;
  }

  /** The decoding charset for {@code name}, falling back to UTF-8 when unknown. */
  public static Charset forNameOrUtf8(String name) {
    if (name != null && isSupported(name)) {
      return Charset.forName(name);
    }
    return StandardCharsets.UTF_8;
  }

  /** Whether the JDK knows a charset of that name. */
  public static boolean isSupported(String name) {
    try {
      return Charset.isSupported(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether a declared charset can be right for the body: a wide Unicode form (UTF-16/32) without
   * byte-order mark must show NULs in its pattern; a page declaring UTF-16 but written in Latin-1
   * is then read from its markup or sniffed instead of becoming mojibake.
   */
  static boolean fits(String declared, byte[] body) {
    String n = canonicalName(declared).toUpperCase(Locale.ROOT);
    if (!n.startsWith("UTF-16") && !n.startsWith("UTF-32")) {
      return true;
    }
    int len = Math.min(body.length, 8192);
    int nul = 0;
    for (int i = 0; i < len; i++) {
      if (body[i] == 0) {
        nul++;
      }
    }
    return len == 0 || nul * 5 >= len;
  }

  private static String canonicalName(String name) {
    return Charset.forName(name).name();
  }

  /** UTF-16/32 without BOM shows as NULs around the ASCII '<'. */
  private static String guessUnicodeWithoutBom(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
      return "UTF-32BE";
    }
    if (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    }
    if (b[0] == 0 && b[1] == '<') {
      return "UTF-16BE";
    }
    if (b[0] == '<' && b[1] == 0) {
      return "UTF-16LE";
    }
    return null;
  }
}
