package io.newsdesk.app.pipeline;

import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.IngestService;
import io.newsdesk.ingest.publish.KafkaDocumentSink;
import io.newsdesk.ingest.sources.SourceCatalog;
import io.newsdesk.ingest.sources.SourceGroup;
import io.newsdesk.ingest.state.KafkaSourceStateStore;
import io.newsdesk.schema.Source;
import io.newsdesk.schema.SourceState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest publishing to Kafka, resumed from the state topic. In one-shot mode it polls the sources
 * it was given; running, it seeds them into {@code newsdesk.sources} and polls its share of that
 * catalog as a member of the ingest consumer group. Closes its producer on close.
 */
public final class IngestWiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestWiring.class);

  /** How long until a dead instance's sources move to the others. */
  public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

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

    /** The feeds, sitemaps and pages as catalog entries (OPML outlines included). */
    public List<Source> catalog() throws IOException {
      List<Source> out = new ArrayList<>();
      List<String> all = new ArrayList<>(feeds);
      if (opml != null) {
        all.addAll(io.newsdesk.ingest.feed.OpmlImporter.read(opml));
      }
      all.forEach(u -> out.add(SourceCatalog.source(u, "feed", null, null, List.of())));
      sitemaps.forEach(u -> out.add(SourceCatalog.source(u, "sitemap", null, null, List.of())));
      pages.forEach(u -> out.add(SourceCatalog.source(u, "page", null, null, List.of())));
      return out;
    }
  }

  private final KafkaEnvironment kafka;
  private final KafkaDocumentSink sink;
  private final IngestService service;
  private final Sources sources;
  private SourceGroup group;

  private IngestWiring(
      KafkaEnvironment kafka, KafkaDocumentSink sink, IngestService service, Sources sources) {
    this.kafka = kafka;
    this.sink = sink;
    this.service = service;
    this.sources = sources;
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
    return new IngestWiring(kafka, sink, service, sources);
  }

  /**
   * Runs continuously on the catalog: seeds the given feeds, sitemaps and pages into {@code
   * newsdesk.sources} (those not there yet), starts the drop folder and push receiver, and joins
   * the ingest consumer group, which hands this instance its share of the catalog and moves it on
   * changes, joins and deaths. With no sources at all it waits for some.
   */
  public void startShared() throws IOException {
    seed(kafka.clientProperties(), sources.catalog());
    service.startCatalogOnly();
    SourceGroup group =
        new SourceGroup(
                kafka.clientProperties(),
                SESSION_TIMEOUT,
                service,
                () -> KafkaSourceStateStore.load(kafka.clientProperties(), Duration.ofSeconds(30)))
            .start();
    // Kafka's group fencing of transactions: a poll commits only in this member's generation.
    sink.fenceWith(group::fence);
    this.group = group;
  }

  /** Adds to the catalog the sources it does not hold yet (by id); answers how many it added. */
  public static int seed(Properties clientProps, List<Source> wanted) {
    if (wanted.isEmpty()) {
      return 0;
    }
    Map<String, Source> present = SourceCatalog.read(clientProps, Duration.ofSeconds(30));
    Map<String, Source> byId = new java.util.LinkedHashMap<>();
    wanted.forEach(s -> byId.putIfAbsent(s.getId(), s));
    List<Source> missing =
        byId.values().stream().filter(s -> !present.containsKey(s.getId())).toList();
    if (!missing.isEmpty()) {
      try (Producer<byte[], byte[]> p = SourceCatalog.producer(clientProps)) {
        SourceCatalog.put(p, missing);
      }
      LOG.info("Seeded {} sources into the catalog", missing.size());
    }
    return missing.size();
  }

  /** The sources this instance polls now (its share of the catalog), by id; empty before start. */
  public Map<String, Source> ownedSources() {
    return group == null ? Map.of() : group.owned();
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
      if (group != null) {
        group.close();
      }
      service.close();
    } finally {
      sink.close();
    }
  }
}
