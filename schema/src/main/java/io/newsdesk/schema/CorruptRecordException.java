package io.newsdesk.schema;

/** A record that cannot be decoded: unknown schema fingerprint, bad header or truncated body. */
public class CorruptRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CorruptRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
