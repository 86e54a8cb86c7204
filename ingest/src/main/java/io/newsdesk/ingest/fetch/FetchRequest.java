package io.newsdesk.ingest.fetch;

/** A URL to GET, with the validators of the last copy for a conditional request. */
public record FetchRequest(String url, String etag, String lastModified) {

  /** An unconditional GET. */
  public static FetchRequest of(String url) {
    return new FetchRequest(url, null, null);
  }
}
