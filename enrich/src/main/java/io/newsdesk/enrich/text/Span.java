package io.newsdesk.enrich.text;

/** A half-open range {@code [start, end)}: character offsets or token indices, as documented. */
public record Span(int start, int end) {

  /** Length of the range. */
  public int length() {
    return end - start;
  }
}
