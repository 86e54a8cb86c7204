package io.newsdesk.app.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsdesk.enrich.EnrichStores;
import io.newsdesk.sink.SinkMetrics;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Everything a long-running command serves over HTTP: the meter registry, the health checks, the
 * topic view and the server. {@link #off()} when {@code --http none}: then nothing is started.
 */
public final class Monitoring implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  private final Health health;
  private final NewsView view;
  private final NewsdeskServer server;
  private final List<AutoCloseable> bound = new ArrayList<>();

  private Monitoring(
      PrometheusMeterRegistry registry, Health health, NewsView view, NewsdeskServer server) {
    this.registry = registry;
    this.health = health;
    this.view = view;
    this.server = server;
  }

  /** Nothing served, nothing read. */
  public static Monitoring off() {
    return new Monitoring(null, new Health(), null, null);
  }

  /**
   * Starts the view on the cluster of {@code clientProperties} and the server on {@code address},
   * and prints the address on {@code out}; {@link #off()} when the address is empty.
   */
  public static Monitoring start(
      Optional<HttpAddress> address, Properties clientProperties, PrintStream out) {
    if (address.isEmpty()) {
      return off();
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The stages record their per-article timers and client metrics in the global registry.
    Metrics.addRegistry(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    Health health = new Health();
    NewsView view = NewsView.start(clientProperties, registry);
    health.register("kafka", view::problem);
    NewsdeskServer server;
    try {
      server = NewsdeskServer.start(address.get(), health, registry, view);
    } catch (RuntimeException e) {
      view.close();
      Metrics.removeRegistry(registry);
      throw e;
    }
    out.printf(
        "HTTP on %s (console /, /health, /metrics, /api/stories, /api/entities/trending)%n",
        server.url());
    return new Monitoring(registry, health, view, server);
  }

  public boolean enabled() {
    return server != null;
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:8080/}; null when off. */
  public String url() {
    return server == null ? null : server.url();
  }

  public Health health() {
    return health;
  }

  /**
   * This instance's HTTP address as other instances reach it ({@code HOST:PORT}, the port the
   * server got), for Kafka Streams' {@code application.server}; null when off.
   */
  public String applicationServer() {
    if (server == null) {
      return null;
    }
    HostInfo self = self();
    return (self.host().contains(":") ? "[" + self.host() + "]" : self.host()) + ":" + self.port();
  }

  private HostInfo self() {
    String host = server.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      // Bound to every interface: advertise a name the other instances can resolve.
      try {
        host = InetAddress.getLocalHost().getCanonicalHostName();
      } catch (UnknownHostException e) {
        host = "localhost";
      }
    }
    return new HostInfo(host, server.port());
  }

  /**
   * Health and metrics of the enrich Streams application; the API answers stories, articles and
   * entities from its state stores (interactive queries).
   */
  public void watchStreams(KafkaStreams streams) {
    health.register(
        "enrich",
        () -> {
          KafkaStreams.State s = streams.state();
          return s == KafkaStreams.State.RUNNING ? null : "Kafka Streams is " + s;
        });
    if (registry != null) {
      KafkaStreamsMetrics m = new KafkaStreamsMetrics(streams);
      m.bindTo(registry);
      bound.add(m);
    }
    if (server != null) {
      server.serveStores(
          new ClusterQueries(
              EnrichStores.of(streams), StoreHosts.of(streams, self()), System::currentTimeMillis));
    }
  }

  /** Health and metrics of a sink: {@code alive} says whether its thread still runs. */
  public void watchSink(SinkMetrics metrics, Supplier<Boolean> alive) {
    health.register("sink", () -> alive.get() ? null : "the sink thread stopped");
    if (registry != null) {
      counter("newsdesk.sink.consumed", metrics, m -> m.consumed(), "Records the sink consumed");
      counter(
          "newsdesk.sink.files.records",
          metrics,
          m -> m.toFiles(),
          "Records the sink wrote to files");
      counter(
          "newsdesk.sink.topic.records",
          metrics,
          m -> m.toTopic(),
          "Records the sink wrote to the sink topic");
      counter("newsdesk.sink.files", metrics, m -> m.files(), "Files the sink published");
      counter(
          "newsdesk.sink.bytes",
          metrics,
          m -> m.fileBytes(),
          "Bytes the sink wrote to files (published and open)");
      Gauge.builder("newsdesk.sink.files.open", metrics, m -> m.openFiles())
          .description("Files the sink has open (published when they roll)")
          .register(registry);
      counter(
          "newsdesk.sink.transactions",
          metrics,
          m -> m.transactions(),
          "Transactions the sink committed");
    }
  }

  /** Health of an ingest service: {@code problem} answers null while it runs. */
  public void watchIngest(Supplier<String> problem) {
    health.register("ingest", problem);
  }

  private void counter(
      String name, SinkMetrics metrics, ToDoubleFunction<SinkMetrics> f, String description) {
    FunctionCounter.builder(name, metrics, f).description(description).register(registry);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    for (AutoCloseable c : bound) {
      try {
        c.close();
      } catch (Exception e) {
        // closing meters never fails the shutdown
      }
    }
    if (view != null) {
      view.close();
    }
    if (registry != null) {
      Metrics.removeRegistry(registry);
      registry.close();
    }
  }
}
