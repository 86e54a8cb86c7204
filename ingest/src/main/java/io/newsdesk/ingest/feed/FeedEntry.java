package io.newsdesk.ingest.feed;

import java.util.List;

/** One item of a feed, with links already resolved to absolute URLs where possible. */
public record FeedEntry(
    String id,
    String title,
    String link,
    String summary,
    String content,
    Long published,
    Long updated,
    List<String> authors,
    List<String> categories,
    String imageUrl,
    String language) {

  public FeedEntry {
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** The key that identifies the item across polls: its id, else its link, else its title. */
  public String identity() {
    if (id != null && !id.isBlank()) {
      return id;
    }
    if (link != null && !link.isBlank()) {
      return link;
    }
    return title;
  }
}
