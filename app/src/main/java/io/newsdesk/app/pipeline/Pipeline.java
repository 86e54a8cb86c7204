package io.newsdesk.app.pipeline;

import io.newsdesk.app.http.Monitoring;
import io.newsdesk.enrich.EnrichApp;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.enrich.EnrichConfig;
import io.newsdesk.sink.ArticleSink;
import io.newsdesk.sink.SinkConfig;
import io.newsdesk.sink.files.RollPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/** Enrich and sink running in this process against one Kafka, with drain detection. */
public final class Pipeline implements AutoCloseable {

  public static final Duration ENRICH_WAIT = Duration.ofSeconds(60);

  private final KafkaEnvironment kafka;
  private final EnrichConfig enrichConfig;
  private final SinkConfig sinkConfig;
  private final EnrichApp enrich;
  private final ArticleSink sink;
  private final Thread sinkThread;
  private boolean closed;

  private Pipeline(
      KafkaEnvironment kafka,
      EnrichConfig enrichConfig,
      SinkConfig sinkConfig,
      EnrichApp enrich,
      ArticleSink sink,
      Thread sinkThread) {
    this.kafka = kafka;
    this.enrichConfig = enrichConfig;
    this.sinkConfig = sinkConfig;
    this.enrich = enrich;
    this.sink = sink;
    this.sinkThread = sinkThread;
  }

  /** Starts enrich (state under {@code dataDir/streams}) and the sink (files under {@code out}). */
  public static Pipeline start(
      KafkaEnvironment kafka,
      EnrichComponents components,
      Path dataDir,
      Path out,
      boolean dropDuplicates) {
    return start(kafka, components, dataDir, out, dropDuplicates, RollPolicy.defaults());
  }

  /** As above, with the sink's files rolled by {@code roll}; returns once enrich runs. */
  public static Pipeline start(
      KafkaEnvironment kafka,
      EnrichComponents components,
      Path dataDir,
      Path out,
      boolean dropDuplicates,
      RollPolicy roll) {
    return start(kafka, components, dataDir, out, dropDuplicates, roll, null, ENRICH_WAIT);
  }

  /**
   * As above, with enrich advertising {@code applicationServer} (this process's HTTP address, see
   * {@link Monitoring#applicationServer()}) for interactive queries (null advertises nothing), and
   * waiting at most {@code enrichWait} for enrich to run ({@link Duration#ZERO}: not at all, as a
   * long-running pipeline needs not: it restores its state while the sink and ingest start). The
   * sink starts first: it has files to finish after a crash and needs nothing from enrich's
   * start-up.
   */
  public static Pipeline start(
      KafkaEnvironment kafka,
      EnrichComponents components,
      Path dataDir,
      Path out,
      boolean dropDuplicates,
      RollPolicy roll,
      String applicationServer,
      Duration enrichWait) {
    EnrichConfig enrichConfig =
        EnrichConfig.defaults(kafka.bootstrapServers(), dataDir.resolve("streams"))
            .withApplicationServer(applicationServer)
            .withThreads(defaultThreads())
            .withPartitions(kafka.partitions());
    SinkConfig sinkConfig =
        SinkConfig.defaults(kafka.bootstrapServers(), out)
            .withDropDuplicates(dropDuplicates)
            .withRoll(roll);
    ArticleSink sink = new ArticleSink(sinkConfig);
    Thread t = new Thread(sink, "newsdesk-sink");
    t.setDaemon(true);
    t.start();
    EnrichApp enrich;
    try {
      enrich = EnrichApp.start(components, enrichConfig, enrichWait);
    } catch (RuntimeException e) {
      sink.close();
      throw e;
    }
    return new Pipeline(kafka, enrichConfig, sinkConfig, enrich, sink, t);
  }

  /** Stream threads of the enrich app in one process: the machine's cores. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Waits until everything ingested so far has reached the sink; false on timeout. */
  public boolean awaitDrained(Duration timeout) throws Exception {
    try (Admin admin = kafka.admin()) {
      return new PipelineDrain(admin, enrichConfig.applicationId(), sinkConfig.groupId())
          .await(timeout);
    }
  }

  /** The error that stopped enrich, if any. */
  public Throwable enrichFailure() {
    return enrich.failure();
  }

  /** Registers enrich and sink with the HTTP health checks and metrics. */
  public void watchWith(Monitoring monitoring) {
    monitoring.watchStreams(enrich.streams());
    monitoring.watchSink(sink.metrics(), sinkThread::isAlive);
  }

  public ArticleSink sink() {
    return sink;
  }

  public Path out() {
    return sinkConfig.outDir();
  }

  /** Stops the sink (publishing its open files) and enrich; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    sink.close();
    enrich.close();
    try {
      sinkThread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
