package io.newsdesk.ingest.feed;

import java.time.Duration;
import java.util.List;

/**
 * A parsed feed: channel fields, entries, the publisher's update hints, and the repairs needed.
 *
 * @param type e.g. rss_2.0, atom_1.0, json_1.1
 * @param warnings repairs made to read the feed (non-empty means it was ill-formed)
 */
public record ParsedFeed(
    String type,
    String title,
    String link,
    String description,
    String language,
    Long updated,
    List<FeedEntry> entries,
    Duration ttl,
    Duration syndicationPeriod,
    String encoding,
    List<String> warnings) {

  public ParsedFeed {
    entries = List.copyOf(entries);
    warnings = List.copyOf(warnings);
  }

  /** The publisher's suggested poll interval: RSS ttl or sy:updatePeriod/Frequency. */
  public Duration suggestedInterval() {
    if (syndicationPeriod != null && ttl != null) {
      return syndicationPeriod.compareTo(ttl) > 0 ? syndicationPeriod : ttl;
    }
    return syndicationPeriod != null ? syndicationPeriod : ttl;
  }
}
