package io.newsdesk.enrich.extract;

/** Bad input for extraction: the document becomes a dead letter with this reason. */
public class ExtractionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a document yielded no article. */
  public enum Reason {
    NOT_AN_ARTICLE,
    TOO_LARGE,
    UNDECODABLE,
    UNSUPPORTED_TYPE
  }

  private final Reason reason;

  public ExtractionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
