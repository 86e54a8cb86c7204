package io.newsdesk.app.cli;

import io.newsdesk.app.pipeline.IngestWiring;
import io.newsdesk.app.pipeline.SourceLists;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where ingest takes documents from. */
public final class IngestOptions {

  @Option(
      names = "--feeds",
      paramLabel = "FILE",
      description = "Feed URLs, one a line (# comments).")
  Path feeds;

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

  /** Ingest defaults with the options that change them. */
  io.newsdesk.ingest.IngestConfig config() {
    return io.newsdesk.ingest.IngestConfig.defaults().toBuilder()
        .pushBindAddress(listenAddress)
        .build();
  }

  IngestWiring.Sources sources() {
    return new IngestWiring.Sources(SourceLists.read(feeds), SourceLists.read(urls), watch, listen);
  }
}
