package io.newsdesk.ingest.fetch;

import java.time.Duration;

/** A fetch that did not yield a usable response: permanent (404, 410, too large) or retriable. */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Whether trying again later may help. */
  public enum Kind {
    PERMANENT,
    RETRIABLE
  }

  private final String url;
  private final int status;
  private final String mimeType;
  private final Kind kind;
  private final transient Duration retryAfter;

  public FetchException(
      String message,
      String url,
      int status,
      String mimeType,
      Kind kind,
      Duration retryAfter,
      Throwable cause) {
    super(message, cause);
    this.url = url;
    this.status = status;
    this.mimeType = mimeType;
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  /** A permanent failure without HTTP status. */
  public static FetchException permanent(String message, String url) {
    return new FetchException(message, url, -1, null, Kind.PERMANENT, null, null);
  }

  /** A retriable failure without HTTP status. */
  public static FetchException retriable(String message, String url, Throwable cause) {
    return new FetchException(message, url, -1, null, Kind.RETRIABLE, null, cause);
  }

  /** The URL that failed. */
  public String url() {
    return url;
  }

  /** The HTTP status, or -1 when no response arrived. */
  public int status() {
    return status;
  }

  /** The MIME type of the failed response, if any. */
  public String mimeType() {
    return mimeType;
  }

  /** Permanent or retriable. */
  public Kind kind() {
    return kind;
  }

  /** Whether trying again later may help. */
  public boolean isRetriable() {
    return kind == Kind.RETRIABLE;
  }

  /** What the server asked us to wait (Retry-After), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
