package io.newsdesk.ingest.feed;

import com.rometools.rome.feed.atom.Content;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/** The value of an Atom text construct the way a reader means it: decoded, unwrapped. */
final class AtomText {
  private static final Pattern XHTML_DIV =
      Pattern.compile("^\\s*<div\\b[^>]*>(.*)</div>\\s*$", Pattern.DOTALL);
  private static final Pattern XHTML_NS =
      Pattern.compile("\\s+xmlns=\"http://www.w3.org/1999/xhtml\"");

  private AtomText() {}

  static String value(Content c, boolean atom03) {
    if (c == null || c.getValue() == null) {
      return null;
    }
    String v = c.getValue();
    String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
    String mode = c.getMode() == null ? "" : c.getMode().toLowerCase(Locale.ROOT);
    if (mode.equals("base64") || (!atom03 && isBase64Type(type))) {
      String decoded = decodeBase64(v);
      if (decoded != null) {
        return decoded;
      }
    }
    if (!atom03 && type.equals("xhtml")) {
      Matcher m = XHTML_DIV.matcher(v);
      return m.matches() ? m.group(1) : v;
    }
    if (atom03 && (mode.equals("xml") || type.contains("xhtml"))) {
      return XHTML_NS.matcher(v).replaceFirst("");
    }
    if (atom03 && type.equals("text/plain") && mode.equals("escaped")) {
      return Parser.unescapeEntities(v, false);
    }
    return v;
  }

  private static boolean isBase64Type(String type) {
    if (type.isEmpty()
        || type.equals("text")
        || type.equals("html")
        || type.equals("xhtml")
        || type.startsWith("text/")
        || type.endsWith("+xml")
        || type.endsWith("/xml")) {
      return false;
    }
    return type.contains("/");
  }

  private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/=\\s]+$");

  private static String decodeBase64(String v) {
    if (!BASE64.matcher(v).matches()) {
      return null;
    }
    try {
      return new String(
          Base64.getMimeDecoder().decode(v.strip().getBytes(StandardCharsets.US_ASCII)),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
