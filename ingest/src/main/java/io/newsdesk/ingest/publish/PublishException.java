package io.newsdesk.ingest.publish;

/** A batch that was not committed; none of it is visible to readers. */
public final class PublishException extends Exception {
  private static final long serialVersionUID = 1L;

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
