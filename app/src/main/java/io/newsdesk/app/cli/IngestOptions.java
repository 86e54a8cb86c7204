package io.newsdesk.app.cli;

import io.newsdesk.app.pipeline.IngestWiring;
import io.newsdesk.app.pipeline.SourceLists;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where ingest takes documents from. */
public final class IngestOptions {

  @Option(
      names = "--feeds",
      paramLabel = "FILE",
      description = "Feed URLs, one a line (# comments), or an OPML file (*.opml).")
  Path feeds;

  @Option(
      names = "--sitemaps",
      paramLabel = "FILE",
      description = "Sitemap or sitemap index URLs (Google News sitemaps too), one a line.")
  Path sitemaps;

  @Option(
      names = "--urls",
      paramLabel = "FILE",
      description = "Page URLs, one a line (# comments).")
  Path urls;

  @Option(
      names = "--watch",
      paramLabel = "DIR",
      description = "Drop folder: *.html, *.txt, *.json.")
  Path watch;

  @Option(names = "--listen", paramLabel = "PORT", description = "Accept pushes: POST /articles.")
  Integer listen;

  @Option(
      names = "--listen-address",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address the push receiver binds (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String listenAddress;

  @picocli.CommandLine.Option(
      names = "--allow-network",
      paramLabel = "CIDR",
      description = "Network fetches may reach although private or loopback (repeatable).")
  List<String> allowNetworks = new java.util.ArrayList<>();

  @picocli.CommandLine.Option(
      names = "--allow-host",
      paramLabel = "HOST[:PORT]",
      description = "Host fetches may reach whatever it resolves to (repeatable).")
  List<String> allowHosts = new java.util.ArrayList<>();

  @Option(
      names = "--push-token-file",
      paramLabel = "FILE",
      description =
          "Bearer token pushes must carry (first line of FILE). Without it a token is generated at"
              + " first start into <data-dir>/push-token (mode 0600) and printed once.")
  Path pushTokenFile;

  @Option(
      names = "--push-tls-keystore",
      paramLabel = "FILE",
      description = "Serve pushes over HTTPS with this PKCS12/JKS keystore.")
  Path pushTlsKeystore;

  @Option(
      names = "--push-tls-password-file",
      paramLabel = "FILE",
      description = "Password of the --push-tls-keystore (first line of FILE).")
  Path pushTlsPasswordFile;

  @Option(
      names = "--push-max-articles",
      paramLabel = "N",
      defaultValue = "100",
      description = "Most articles one push may hold (default: ${DEFAULT-VALUE}).")
  int pushMaxArticles;

  @Option(
      names = "--push-read-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Deadline for a push request to arrive whole, headers and body (default: ${DEFAULT-VALUE}).")
  long pushReadTimeout;

  @Option(
      names = "--fetch-deadline",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Total time one fetch may take, connect, headers and body together; a silent, trickling"
              + " or endless server is cut there (default: ${DEFAULT-VALUE}).")
  long fetchDeadline;

  @Option(
      names = "--item-retries",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Later polls that try again an item whose fetch failed transiently (fetch deadline,"
              + " 429/5xx, refused) before it becomes a dead letter (default: ${DEFAULT-VALUE}).")
  int itemRetries;

  /** Ingest defaults with the options that change them; push settings need {@code dataDir}. */
  io.newsdesk.ingest.IngestConfig config(Path dataDir) throws java.io.IOException {
    io.newsdesk.ingest.IngestConfig.Builder b =
        io.newsdesk.ingest.IngestConfig.defaults().toBuilder()
            .pushBindAddress(listenAddress)
            .allowNetworks(allowNetworks)
            .allowHosts(allowHosts)
            .maxPushArticles(pushMaxArticles)
            .pushReadTimeout(java.time.Duration.ofSeconds(pushReadTimeout))
            .readTimeout(java.time.Duration.ofSeconds(fetchDeadline))
            .itemRetries(itemRetries);
    if (listen != null) {
      b.pushToken(pushToken(dataDir));
      if (pushTlsKeystore != null) {
        if (pushTlsPasswordFile == null) {
          throw new IllegalArgumentException("--push-tls-keystore needs --push-tls-password-file");
        }
        String password =
            java.nio.file.Files.readString(
                    pushTlsPasswordFile, java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        b.pushTls(pushTlsKeystore, password);
      }
    }
    return b.build();
  }

  private String pushToken(Path dataDir) throws java.io.IOException {
    if (pushTokenFile != null) {
      return io.newsdesk.ingest.receive.PushTokens.read(pushTokenFile);
    }
    io.newsdesk.ingest.receive.PushTokens.Token t =
        io.newsdesk.ingest.receive.PushTokens.readOrCreate(dataDir.resolve("push-token"));
    if (t.created()) {
      System.err.printf(
          "Push token (saved in %s, mode 0600; shown only this once): %s%n"
              + "Push with: curl -H 'Authorization: Bearer %s' -H 'Content-Type: text/plain'"
              + " --data-binary @article.txt http://%s:%d/articles%n",
          t.file(), t.value(), t.value(), listenAddress, listen);
    } else {
      System.err.printf("Pushes need the bearer token in %s%n", t.file());
    }
    return t.value();
  }

  IngestWiring.Sources sources() {
    boolean opml = feeds != null && feeds.getFileName().toString().toLowerCase().endsWith(".opml");
    return new IngestWiring.Sources(
        opml ? List.of() : SourceLists.read(feeds),
        opml ? feeds : null,
        SourceLists.read(sitemaps),
        SourceLists.read(urls),
        watch,
        listen);
  }
}
