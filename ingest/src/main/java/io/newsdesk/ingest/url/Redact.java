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
