package io.newsdesk.ingest.url;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes outside text safe for logs and records: URL credentials removed, control chars escaped. */
public final class Redact {
  private Redact() {}

  private static final Pattern USERINFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");
  private static final Pattern SECRET_PARAM =
      Pattern.compile(
          "(?i)([?&;](?:access_token|token|api[_-]?key|apikey|key|secret|password|passwd|pwd|auth"
              + "|signature|sig|session|sessionid|client_secret|refresh_token|id_token)=)[^&#\\s]*");
  private static final int MAX_LOGGED = 2000;

  /** A URL with its user:password and secret-looking query values replaced by {@code ***}. */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    return escape(secrets(url));
  }

  /** Credentials redacted in free text (an exception message naming a URL). */
  public static String text(String text) {
    return text == null ? null : escape(secrets(text));
  }

  /** Credentials redacted, without escaping (for record fields and state keys). */
  public static String secrets(String s) {
    if (s == null) {
      return null;
    }
    String out = USERINFO.matcher(s).replaceAll("$1***@");
    Matcher m = SECRET_PARAM.matcher(out);
    return m.replaceAll("$1***");
  }

  /**
   * A URL as a key (seen lists, state): its user:password and secret-looking query values replaced
   * by a short hash of themselves, so that distinct URLs stay distinct and the secret is not kept.
   * A URL without secrets is its own key.
   */
  public static String keyed(String url) {
    if (url == null) {
      return null;
    }
    Matcher u = USERINFO.matcher(url);
    StringBuilder b = new StringBuilder();
    while (u.find()) {
      String info = u.group().substring(u.group(1).length(), u.group().length() - 1);
      u.appendReplacement(b, Matcher.quoteReplacement(u.group(1) + "h" + hash(info) + "@"));
    }
    u.appendTail(b);
    Matcher m = SECRET_PARAM.matcher(b);
    StringBuilder c = new StringBuilder();
    while (m.find()) {
      String value = m.group().substring(m.group(1).length());
      m.appendReplacement(
          c, Matcher.quoteReplacement(m.group(1) + (value.isEmpty() ? "" : "h" + hash(value))));
    }
    m.appendTail(c);
    return c.toString();
  }

  private static String hash(String secret) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a URL carries something {@link #secrets} would hide. */
  public static boolean hasSecrets(String url) {
    return url != null && !secrets(url).equals(url);
  }

  /** Control characters (newlines included) as {@code \\uXXXX}, long text cut, for log lines. */
  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_LOGGED) + 16);
    for (int i = 0; i < s.length() && b.length() < MAX_LOGGED; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (b.length() >= MAX_LOGGED && s.length() > MAX_LOGGED) {
      b.append("...");
    }
    return b.toString();
  }
}
