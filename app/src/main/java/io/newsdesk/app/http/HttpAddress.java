package io.newsdesk.app.http;

import java.util.Optional;

/** Where the HTTP server listens: {@code HOST:PORT} (port 0 picks a free one), or {@code none}. */
public record HttpAddress(String host, int port) {

  public static final String DEFAULT = "127.0.0.1:8080";

  public HttpAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--http needs a host: HOST:PORT");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--http port must be 0..65535, got " + port);
    }
  }

  /** Parses {@code HOST:PORT} or {@code none} (empty: no server). */
  public static Optional<HttpAddress> parse(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("--http must be HOST:PORT or none, got " + value);
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return Optional.of(new HttpAddress(host, Integer.parseInt(value.substring(colon + 1))));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--http port must be a number, got " + value, e);
    }
  }
}
