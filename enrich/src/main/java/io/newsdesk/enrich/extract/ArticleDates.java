package io.newsdesk.enrich.extract;

import io.newsdesk.schema.RawDocument;

/** Chooses the published date and its source, falling back to the feed and then the fetch time. */
final class ArticleDates {

  /** A date and where it came from. */
  record Dated(long epochMillis, String from) {}

  private ArticleDates() {}

  static Dated choose(Long found, String from, RawDocument doc) {
    long fetchedAt = doc.getFetchedAt();
    if (found != null && from != null && DateParsing.plausible(found, fetchedAt)) {
      return new Dated(found, from);
    }
    if (doc.getItem() != null && doc.getItem().getPublished() != null) {
      long feed = doc.getItem().getPublished();
      if (DateParsing.plausible(feed, fetchedAt)) {
        return new Dated(feed, "feed");
      }
    }
    return new Dated(fetchedAt, "fetched");
  }

  static Long modified(Long modified, RawDocument doc) {
    return modified != null && DateParsing.plausible(modified, doc.getFetchedAt())
        ? modified
        : null;
  }
}
