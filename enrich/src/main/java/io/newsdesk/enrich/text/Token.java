package io.newsdesk.enrich.text;

/** A token and its character offsets {@code [start, end)} in the text it came from. */
public record Token(String text, int start, int end) {}
