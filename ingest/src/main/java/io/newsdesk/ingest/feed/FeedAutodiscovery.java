package io.newsdesk.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds feeds a web page announces with {@code <link rel="alternate" type="...">}. */
public final class FeedAutodiscovery {
  private static final Set<String> FEED_TYPES =
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/feed+json",
          "application/json",
          "application/rdf+xml");

  private FeedAutodiscovery() {}

  /** Absolute feed URLs announced by an HTML page, in document order. */
  public static List<String> discover(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Element link : doc.select("link[rel][href]")) {
      List<String> rels = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
      String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
      if (rels.contains("alternate") && FEED_TYPES.contains(type)) {
        String href = link.absUrl("href");
        out.add(href.isEmpty() ? link.attr("href") : href);
      }
    }
    return new ArrayList<>(out);
  }
}
