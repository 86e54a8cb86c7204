package io.newsdesk.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 and 1.1. */
final class JsonFeedParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFeedParser() {}

  static ParsedFeed parse(String text, String feedUrl) throws FeedParseException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new FeedParseException("malformed JSON feed: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("items").isArray()) {
      throw new FeedParseException("JSON without an items array is no JSON Feed", null);
    }
    String version = text(root, "version");
    String type =
        version != null && version.contains("/1.1")
            ? "json_1.1"
            : version != null && version.contains("/1") ? "json_1.0" : "json";
    String home = text(root, "home_page_url");
    String base = feedUrl != null ? feedUrl : text(root, "feed_url");
    String language = text(root, "language");
    List<String> feedAuthors = authors(root);
    List<FeedEntry> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      String link = text(item, "url");
      if (link == null) {
        link = text(item, "external_url");
      }
      String html = text(item, "content_html");
      String content = html != null ? html : text(item, "content_text");
      List<String> itemAuthors = authors(item);
      List<String> tags = new ArrayList<>();
      item.path("tags").forEach(t -> tags.add(t.asText()));
      String image = text(item, "image");
      if (image == null) {
        image = text(item, "banner_image");
      }
      String itemLang = text(item, "language");
      entries.add(
          new FeedEntry(
              text(item, "id"),
              text(item, "title"),
              FeedParser.resolve(base, link),
              text(item, "summary"),
              content,
              Dates.parse(text(item, "date_published")),
              Dates.parse(text(item, "date_modified")),
              itemAuthors.isEmpty() ? feedAuthors : itemAuthors,
              tags,
              FeedParser.resolve(base, image),
              itemLang != null ? itemLang : language));
    }
    return new ParsedFeed(
        type,
        text(root, "title"),
        FeedParser.resolve(base, home),
        text(root, "description"),
        language,
        null,
        entries,
        null,
        null,
        "UTF-8",
        List.of());
  }

  private static List<String> authors(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.path("authors").forEach(a -> addName(out, a));
    if (out.isEmpty()) {
      addName(out, node.path("author"));
    }
    return out;
  }

  private static void addName(List<String> out, JsonNode a) {
    String name = text(a, "name");
    if (name != null) {
      out.add(name);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }
}
