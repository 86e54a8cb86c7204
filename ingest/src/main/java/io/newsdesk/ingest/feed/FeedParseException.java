package io.newsdesk.ingest.feed;

/** A document that could not be read as a feed at all. */
public final class FeedParseException extends Exception {
  private static final long serialVersionUID = 1L;

  public FeedParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
