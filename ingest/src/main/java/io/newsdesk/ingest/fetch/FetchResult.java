package io.newsdesk.ingest.fetch;

import java.util.Map;

/** A response: 200 with a decompressed body, or 304 ({@link #notModified()}) with an empty body. */
public record FetchResult(
    String requestedUrl,
    String finalUrl,
    int status,
    Map<String, String> headers,
    String contentType,
    String charset,
    byte[] body,
    long fetchedAt) {

  /** Whether the server answered 304 Not Modified. */
  public boolean notModified() {
    return status == 304;
  }

  /** The ETag validator, if any. */
  public String etag() {
    return headers.get("etag");
  }

  /** The Last-Modified validator, if any. */
  public String lastModified() {
    return headers.get("last-modified");
  }
}
