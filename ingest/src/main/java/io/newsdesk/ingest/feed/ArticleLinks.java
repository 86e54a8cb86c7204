package io.newsdesk.ingest.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article links of a site's home or section page (what a {@code discovery} source watches):
 * links to the same site whose path looks like an article's, by the shapes news sites give them (a
 * date in the path, a long hyphenated slug, a numeric id), not navigation, tag, author, search or
 * account pages, nor files. The link text is the item's title.
 */
public final class ArticleLinks {

  private static final Pattern DATE_PATH =
      Pattern.compile("/(19|20)\\d{2}/(0?[1-9]|1[0-2])(/|-)|/(19|20)\\d{2}-\\d{2}-\\d{2}");
  private static final Pattern LONG_SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+){3,}");
  private static final Pattern NUMERIC_ID = Pattern.compile("\\d{5,}");
  private static final Set<String> NOT_ARTICLES =
      Set.of(
          "tag",
          "tags",
          "topic",
          "topics",
          "category",
          "categories",
          "section",
          "author",
          "authors",
          "search",
          "login",
          "signin",
          "sign-in",
          "register",
          "subscribe",
          "account",
          "about",
          "contact",
          "privacy",
          "terms",
          "cookies",
          "newsletter",
          "newsletters",
          "feed",
          "rss",
          "page",
          "video",
          "videos",
          "gallery",
          "podcast",
          "podcasts",
          "live",
          "weather");
  private static final Pattern FILE =
      Pattern.compile(
          "\\.(jpe?g|png|gif|webp|svg|pdf|zip|mp3|mp4|css|js|xml|rss|json|ico)$",
          Pattern.CASE_INSENSITIVE);

  private ArticleLinks() {}

  /** At most {@code max} article links of the page, in document order, as feed entries. */
  public static List<FeedEntry> find(String html, String pageUrl, int max) {
    Document doc = Jsoup.parse(html, pageUrl);
    String site = site(pageUrl);
    Map<String, String> links = new LinkedHashMap<>();
    for (Element a : doc.select("a[href]")) {
      if (links.size() >= max) {
        break;
      }
      String href = a.absUrl("href");
      if (href.isEmpty()) {
        continue;
      }
      int hash = href.indexOf('#');
      if (hash >= 0) {
        href = href.substring(0, hash);
      }
      if (!links.containsKey(href) && site != null && isArticle(href, site)) {
        links.put(href, a.text().strip());
      }
    }
    List<FeedEntry> out = new ArrayList<>();
    links.forEach(
        (link, title) ->
            out.add(
                new FeedEntry(
                    null,
                    title.isEmpty() ? null : title,
                    link,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null)));
    return out;
  }

  /** Whether a link on a page of {@code site} looks like one of the site's articles. */
  static boolean isArticle(String url, String site) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || !site.equals(site(url))) {
      return false;
    }
    String path = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
    if (path.isEmpty() || path.equals("/") || FILE.matcher(path).find()) {
      return false;
    }
    String[] segments = path.substring(1).split("/");
    for (String s : segments) {
      if (NOT_ARTICLES.contains(s)) {
        return false;
      }
    }
    String last = segments[segments.length - 1].replaceFirst("\\.s?html?$", "");
    return DATE_PATH.matcher(path).find()
        || LONG_SLUG.matcher(last).matches()
        || (segments.length >= 2 && NUMERIC_ID.matcher(last).find());
  }

  /** The host without a leading "www.", lower case; null when the URL has none. */
  private static String site(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
