package io.newsdesk.ingest.receive;

/** A pushed or dropped article that cannot be accepted, with a reason the sender can act on. */
public final class InvalidArticleException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidArticleException(String message) {
    super(message);
  }
}
