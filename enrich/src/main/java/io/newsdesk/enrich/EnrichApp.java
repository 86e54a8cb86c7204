package io.newsdesk.enrich;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology: starts it, waits until it runs, and shuts it down. */
public final class EnrichApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

  /** Failed stream threads replaced within {@link #REPLACEMENT_WINDOW} before giving up. */
  static final int MAX_REPLACEMENTS = 5;

  static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

  private final KafkaStreams streams;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private EnrichApp(KafkaStreams streams) {
    this.streams = streams;
  }

  /**
   * Builds and starts the Streams application; returns once it is running, or at once with a zero
   * {@code timeout}.
   */
  public static EnrichApp start(
      EnrichComponents components, EnrichConfig config, Duration timeout) {
    // After a kill -9, drop what Streams would wipe anyway, so that it restores without first
    // declaring the tasks corrupted and rebalancing again (seconds of a restart).
    UncleanTaskState.remove(config.stateDir(), config.applicationId());
    KafkaStreams streams =
        new KafkaStreams(EnrichTopology.build(components, config), withInstanceId(config));
    EnrichApp app = new EnrichApp(streams);
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            if (running.getCount() > 0) {
              LOG.info("enrich running as {}", config.applicationId());
            }
            running.countDown();
          }
        });
    ThreadReplacements replacements =
        new ThreadReplacements(MAX_REPLACEMENTS, REPLACEMENT_WINDOW, java.time.Clock.systemUTC());
    streams.setUncaughtExceptionHandler(
        e -> {
          // Bad input never gets here (it becomes a dead letter): this is a broken cluster or a
          // bug. A cluster fault (a broker killed mid-transaction) passes with a new thread and
          // producer, its transaction aborted; a bug that fails again and again stops the client.
          if (replacements.allow()) {
            LOG.warn(
                "enrich stream thread failed; replacing it ({} of {} within {})",
                replacements.used(),
                MAX_REPLACEMENTS,
                REPLACEMENT_WINDOW,
                e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          }
          LOG.error(
              "enrich stopped: stream threads failed {} times within {}",
              MAX_REPLACEMENTS,
              REPLACEMENT_WINDOW,
              e);
          app.failure.set(e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    if (timeout.isZero()) {
      LOG.info("enrich starting as {}", config.applicationId());
      return app;
    }
    try {
      if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("enrich not running after {} (state {})", timeout, streams.state());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return app;
  }

  /** The error that stopped the application, if any. */
  public Throwable failure() {
    return failure.get();
  }

  /** The running Streams client, for metrics and health. */
  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }

  /** Streams properties plus this instance's static group member id from its state directory. */
  private static java.util.Properties withInstanceId(EnrichConfig config) {
    java.util.Properties p = config.streamsProperties();
    p.put(
        org.apache.kafka.streams.StreamsConfig.mainConsumerPrefix("group.instance.id"),
        EnrichConfig.instanceId(config.stateDir(), config.applicationId()));
    return p;
  }
}
