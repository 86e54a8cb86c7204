package io.newsdesk.app.pipeline;

import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.IngestService;
import io.newsdesk.ingest.publish.KafkaDocumentSink;
import io.newsdesk.ingest.state.KafkaSourceStateStore;
import io.newsdesk.schema.SourceState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Ingest publishing to Kafka, resumed from the state topic. Closes its producer on close. */
public final class IngestWiring implements AutoCloseable {

  /** What to ingest. */
  public record Sources(
      List<String> feeds,
      Path opml,
      List<String> sitemaps,
      List<String> pages,
      Path watchDir,
      Integer listenPort) {

    /** Feeds, pages and a drop folder only. */
    public Sources(List<String> feeds, List<String> pages, Path watchDir, Integer listenPort) {
      this(feeds, null, List.of(), pages, watchDir, listenPort);
    }
  }

  private final KafkaDocumentSink sink;
  private final IngestService service;

  private IngestWiring(KafkaDocumentSink sink, IngestService service) {
    this.sink = sink;
    this.service = service;
  }

  /** Loads every source's state from Kafka and builds the service; nothing is polled yet. */
  public static IngestWiring open(
      KafkaEnvironment kafka, IngestConfig config, Sources sources, String instanceId)
      throws IOException {
    Map<String, SourceState> state =
        KafkaSourceStateStore.load(kafka.clientProperties(), Duration.ofSeconds(30));
    KafkaDocumentSink sink =
        KafkaDocumentSink.create(kafka.clientProperties(), "newsdesk-ingest-" + instanceId);
    IngestService.Builder builder =
        IngestService.builder(config, sink)
            .feeds(sources.feeds())
            .sitemaps(sources.sitemaps())
            .pages(sources.pages())
            .watchDir(sources.watchDir())
            .listenPort(sources.listenPort())
            .initialState(state);
    if (sources.opml() != null) {
      builder.opml(sources.opml());
    }
    IngestService service = builder.build();
    return new IngestWiring(sink, service);
  }

  public IngestService service() {
    return service;
  }

  public KafkaDocumentSink sink() {
    return sink;
  }

  @Override
  public void close() {
    try {
      service.close();
    } finally {
      sink.close();
    }
  }
}
