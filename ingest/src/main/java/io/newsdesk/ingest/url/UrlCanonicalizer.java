package io.newsdesk.ingest.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Normalises URLs so the same article reached by different links gets one key. */
public final class UrlCanonicalizer {

  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gclsrc",
          "msclkid",
          "mc_cid",
          "mc_eid",
          "igshid",
          "ref_src",
          "ref_url",
          "yclid",
          "_ga",
          "_gl",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "oly_anon_id",
          "oly_enc_id",
          "vero_id",
          "wt.mc_id",
          "cmpid",
          "ocid",
          "spm",
          "at_medium",
          "at_campaign");

  private UrlCanonicalizer() {}

  /**
   * The canonical form of {@code url}.
   *
   * @throws IllegalArgumentException if it is not an absolute http(s) or file URL
   */
  public static String canonicalize(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("empty URL");
    }
    URI uri = parse(url.strip());
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw new IllegalArgumentException("not an absolute URL: " + url);
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return uri.normalize().toString();
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("URL without host: " + url);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = removeDotSegments(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (path.isEmpty()) {
      path = "/";
    }
    String query = canonicalQuery(uri.getRawQuery());
    StringBuilder out = new StringBuilder(url.length());
    out.append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(host);
    if (port != -1) {
      out.append(':').append(port);
    }
    out.append(path);
    if (query != null) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  /** {@link #canonicalize} or {@code null} when the URL is unusable. */
  public static String canonicalizeOrNull(String url) {
    try {
      return canonicalize(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether a query parameter name only tracks the reader and never selects content. */
  public static boolean isTrackingParameter(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("utm_") || TRACKING.contains(n);
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      // Feeds often carry spaces and unescaped characters; escape the usual suspects and retry.
      String escaped =
          url.replace(" ", "%20")
              .replace("|", "%7C")
              .replace("\"", "%22")
              .replace("<", "%3C")
              .replace(">", "%3E")
              .replace("^", "%5E")
              .replace("`", "%60")
              .replace("{", "%7B")
              .replace("}", "%7D");
      try {
        return new URI(escaped);
      } catch (URISyntaxException e2) {
        throw new IllegalArgumentException("malformed URL: " + url, e2);
      }
    }
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!isTrackingParameter(name)) {
        kept.add(pair);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    kept.sort(null);
    return String.join("&", kept);
  }

  /** RFC 3986 section 5.2.4. */
  static String removeDotSegments(String path) {
    if (!path.contains(".")) {
      return path;
    }
    String[] parts = path.split("/", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String seg = parts[i];
      boolean last = i == parts.length - 1;
      if (seg.equals(".")) {
        if (last) {
          out.add("");
        }
      } else if (seg.equals("..")) {
        if (out.size() > 1) {
          out.remove(out.size() - 1);
        }
        if (last) {
          out.add("");
        }
      } else {
        out.add(seg);
      }
    }
    String joined = String.join("/", out);
    if (path.startsWith("/") && !joined.startsWith("/")) {
      joined = "/" + joined;
    }
    return joined;
  }
}
