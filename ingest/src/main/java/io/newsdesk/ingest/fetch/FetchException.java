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
  private String code;
  private transient byte[] received = new byte[0];

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

  /** A permanent failure with a reason code such as {@code blocked_address}. */
  public static FetchException refused(String code, String message, String url) {
    FetchException e = new FetchException(message, url, -1, null, Kind.PERMANENT, null, null);
    e.code = code;
    return e;
  }

  /** A retriable failure because the fetch deadline passed (never retried within one poll). */
  public static FetchException timeout(String message, String url, Throwable cause) {
    FetchException e = new FetchException(message, url, -1, null, Kind.RETRIABLE, null, cause);
    e.code = "timeout";
    return e;
  }

  /**
   * A retriable failure because the fetch deadline passed: {@code timeout} (no answer in time) or
   * {@code fetch_deadline} (the body did not finish in time), with the first bytes received.
   */
  public static FetchException deadline(String code, String message, String url, byte[] received) {
    FetchException e = timeout(message, url, null);
    e.code = code;
    e.received = received == null ? new byte[0] : received;
    return e;
  }

  /**
   * A permanent failure because the body passed a size limit: {@code too_large} (on the wire) or
   * {@code decompression_limit} (once decompressed), with the first bytes received.
   */
  public static FetchException limit(String code, String message, String url, byte[] received) {
    FetchException e = refused(code, message, url);
    e.received = received == null ? new byte[0] : received;
    return e;
  }

  /** Whether the server did not answer (or finish answering) within the deadline. */
  public boolean timedOut() {
    return "timeout".equals(code) || "fetch_deadline".equals(code);
  }

  /** The first bytes of the body that did arrive before a limit cut the fetch (may be empty). */
  public byte[] received() {
    return received == null ? new byte[0] : received;
  }

  /** The reason code of a refusal before any connection ({@code blocked_address}...), or null. */
  public String code() {
    return code;
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
