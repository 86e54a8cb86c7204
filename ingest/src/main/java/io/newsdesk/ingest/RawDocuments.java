package io.newsdesk.ingest;

import io.newsdesk.ingest.feed.FeedEntry;
import io.newsdesk.ingest.fetch.FetchResult;
import io.newsdesk.ingest.url.Redact;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.FeedItem;
import io.newsdesk.schema.RawDocument;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the Avro records ingest publishes. */
public final class RawDocuments {
  private RawDocuments() {}

  /** A document from a fetched response. */
  public static RawDocument fromFetch(
      String source, String canonicalUrl, FetchResult r, Arrival arrival, FeedItem item) {
    return RawDocument.newBuilder()
        .setId(Ids.forUrl(canonicalUrl))
        .setSource(source)
        .setUrl(Redact.secrets(r.finalUrl()))
        .setCanonicalUrl(Redact.secrets(canonicalUrl))
        .setFetchedAt(r.fetchedAt())
        .setArrival(arrival)
        .setHttpStatus(r.status())
        .setHeaders(new HashMap<>(r.headers()))
        .setContentType(r.contentType())
        .setCharset(r.charset())
        .setBody(ByteBuffer.wrap(r.body()))
        .setItem(item)
        .build();
  }

  /** The FeedItem record of a parsed entry. */
  public static FeedItem item(String feedUrl, FeedEntry e) {
    String summary = e.content() != null ? e.content() : e.summary();
    return FeedItem.newBuilder()
        .setFeedUrl(Redact.secrets(feedUrl))
        .setGuid(e.id())
        .setTitle(e.title())
        .setSummary(e.summary() != null ? e.summary() : summary)
        .setLink(Redact.secrets(e.link()))
        .setPublished(e.published())
        .setUpdated(e.updated())
        .setAuthors(List.copyOf(e.authors()))
        .setCategories(List.copyOf(e.categories()))
        .setImageUrl(e.imageUrl())
        .setLanguage(e.language())
        .build();
  }

  /** A dead letter for input a step of ingest could not handle. */
  public static DeadLetter deadLetter(
      String stage,
      String reason,
      Throwable error,
      byte[] original,
      String url,
      String source,
      long now,
      Map<String, String> attributes) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(reason)
        .setErrorClass(error == null ? null : error.getClass().getName())
        .setOriginalBytes(ByteBuffer.wrap(original == null ? new byte[0] : original))
        .setUrl(url)
        .setSource(source)
        .setOccurredAt(now)
        .setAttributes(attributes == null ? new HashMap<>() : new HashMap<>(attributes))
        .build();
  }
}
