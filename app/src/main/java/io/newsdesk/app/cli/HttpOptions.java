package io.newsdesk.app.cli;

import io.newsdesk.app.http.HttpAddress;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --http HOST:PORT|none}: where a long-running command serves health, metrics and API. */
public final class HttpOptions {

  @Option(
      names = "--http",
      paramLabel = "HOST:PORT|none",
      defaultValue = HttpAddress.DEFAULT,
      description =
          "Serve /health, /metrics, /api and the console here; port 0 picks a free one, none turns"
              + " it off (default: ${DEFAULT-VALUE}).")
  String http = HttpAddress.DEFAULT;

  /** The address to serve on; empty for {@code none}. */
  public Optional<HttpAddress> address() {
    return HttpAddress.parse(http);
  }
}
