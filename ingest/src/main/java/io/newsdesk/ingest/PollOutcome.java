package io.newsdesk.ingest;

/**
 * What one poll of one source did.
 *
 * @param status ok, not-modified, disallowed, failed or publish-failed
 */
public record PollOutcome(
    String source,
    String kind,
    String status,
    int documents,
    int newItems,
    int duplicates,
    int disallowed,
    int failures,
    int deadLetters,
    String error) {

  public PollOutcome {
    source = io.newsdesk.ingest.url.Redact.secrets(source);
    error = io.newsdesk.ingest.url.Redact.secrets(error);
  }
}
