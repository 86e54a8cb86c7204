package io.newsdesk.ingest.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Reads feed lists from OPML (1.0/2.0, nested outlines), tolerating sloppy exports. */
public final class OpmlImporter {
  private OpmlImporter() {}

  /** The feed URLs (xmlUrl attributes) of an OPML file, in document order, without repeats. */
  public static List<String> read(Path opml) throws IOException {
    return parse(Files.readString(opml, StandardCharsets.UTF_8));
  }

  /** The feed URLs of OPML text. */
  public static List<String> parse(String opml) {
    Document doc = Jsoup.parse(opml, "", Parser.xmlParser());
    LinkedHashSet<String> urls = new LinkedHashSet<>();
    for (Element outline : doc.getElementsByTag("outline")) {
      for (String attr : List.of("xmlUrl", "xmlurl", "url")) {
        String v = outline.attr(attr).strip();
        if (!v.isEmpty() && (v.startsWith("http://") || v.startsWith("https://"))) {
          if (attr.equals("url") && !"rss".equalsIgnoreCase(outline.attr("type"))) {
            continue;
          }
          urls.add(v);
          break;
        }
      }
    }
    return new ArrayList<>(urls);
  }
}
