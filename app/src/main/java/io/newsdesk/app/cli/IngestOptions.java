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

  /** Ingest defaults with the options that change them. */
  io.newsdesk.ingest.IngestConfig config() {
    return io.newsdesk.ingest.IngestConfig.defaults().toBuilder()
        .pushBindAddress(listenAddress)
        .allowNetworks(allowNetworks)
        .allowHosts(allowHosts)
        .build();
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
