package io.newsdesk.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.SourceState;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pipeline published that no state store holds, read back from its topics: source health
 * (ingest has no Streams state), recent dead letters (each with its original bytes), and the
 * changes behind server-sent events and the article, duplicate, story and dead-letter counters.
 * Stories, articles and entity trends are not kept here: {@link ClusterQueries} asks the enrich
 * state stores. Every instance reads every partition, so any instance answers for all sources.
 */
public final class NewsView implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NewsView.class);

  /** One change worth telling the console about: {@code article} or {@code story}. */
  public record Change(String type, Map<String, Object> data) {}

  /** A dead letter as read, with the coordinates of the dead-letter record itself. */
  public record Dead(String id, DeadLetter letter) {}

  static final int MAX_DEAD_LETTERS = 500;

  private static final List<String> TOPICS =
      List.of(
          Topics.STORIES.name(),
          Topics.DEAD_LETTERS.name(),
          Topics.INGEST_STATE.name(),
          Topics.ENRICHED.name());

  private final Map<String, SourceState> sources = new ConcurrentHashMap<>();
  private final Deque<Dead> deadLetters = new ArrayDeque<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private final MeterRegistry meters;
  private final Counter articleCounter;
  private final Counter storyCounter;
  private final Map<String, Counter> duplicateCounters = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLetterCounters = new ConcurrentHashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaClientMetrics consumerMetrics;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long lastPollOk;
  private volatile String lastError;
  private volatile boolean assigned;

  private NewsView(Properties clientProperties, MeterRegistry meters) {
    this.meters = meters;
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsdesk-http-view-" + ProcessHandle.current().pid());
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(meters);
    this.articleCounter =
        Counter.builder("newsdesk.articles")
            .description("Enriched articles read from " + Topics.ENRICHED.name())
            .register(meters);
    this.storyCounter =
        Counter.builder("newsdesk.stories")
            .description(
                "Stories started (first article of a story on " + Topics.STORIES.name() + ")")
            .register(meters);
    this.thread = new Thread(this::loop, "newsdesk-http-view");
    thread.setDaemon(true);
  }

  /** Starts reading every topic from its beginning in a background thread. */
  public static NewsView start(Properties clientProperties, MeterRegistry meters) {
    NewsView view = new NewsView(clientProperties, meters);
    view.thread.start();
    return view;
  }

  /** Receives every change from now on, on the reading thread: keep it quick. */
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** {@code null} when the view reads from Kafka, else the reason it does not. */
  public String problem() {
    if (!assigned) {
      return lastError != null ? "not reading the topics: " + lastError : "connecting to Kafka";
    }
    long ago = System.currentTimeMillis() - lastPollOk;
    return ago < 30_000 ? null : "no successful poll for " + ago / 1000 + " s: " + lastError;
  }

  public Collection<SourceState> sources() {
    return List.copyOf(sources.values());
  }

  /** The most recent dead letters, newest first. */
  public List<Dead> deadLetters() {
    synchronized (deadLetters) {
      return new ArrayList<>(deadLetters);
    }
  }

  public Dead deadLetter(String id) {
    synchronized (deadLetters) {
      return deadLetters.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }
  }

  private void loop() {
    List<TopicPartition> parts = List.of();
    while (running) {
      try {
        if (parts.isEmpty() || !assigned) {
          parts = partitions();
          if (parts.size() < TOPICS.size()) {
            lastError = "topics not created yet: " + TOPICS;
            pause();
            continue;
          }
          consumer.assign(parts);
          consumer.seekToBeginning(parts);
          assigned = true;
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          try {
            apply(r);
          } catch (RuntimeException e) {
            LOG.warn("unreadable record at {}/{}@{}: {}", r.topic(), r.partition(), r.offset(), e);
          }
        }
        lastPollOk = System.currentTimeMillis();
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        lastError = e.toString();
        LOG.warn("reading the Newsdesk topics failed; retrying: {}", e.toString());
        pause();
      }
    }
  }

  private List<TopicPartition> partitions() {
    List<TopicPartition> parts = new ArrayList<>();
    for (String topic : TOPICS) {
      consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition()))
          .forEach(parts::add);
    }
    // Count topics present, not partitions: every topic needs at least one partition listed.
    long topics = parts.stream().map(TopicPartition::topic).distinct().count();
    return topics == TOPICS.size() ? parts : List.of();
  }

  private void pause() {
    try {
      Thread.sleep(1000); // a retry pause of the reading thread, not a test wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    String topic = r.topic();
    if (topic.equals(Topics.STORIES.name())) {
      if (r.value() == null) {
        return;
      }
      Story s = Topics.STORIES.valueSerde().deserializer().deserialize(topic, r.value());
      if (s.getArticleCount() == 1) {
        storyCounter.increment();
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("id", s.getId());
      data.put("title", s.getTitle());
      data.put("articleCount", s.getArticleCount());
      if (s.getMergedInto() != null) {
        data.put("mergedInto", s.getMergedInto());
      }
      emit(new Change("story", data));
    } else if (topic.equals(Topics.INGEST_STATE.name())) {
      if (r.value() == null) {
        sources.remove(r.key());
        return;
      }
      SourceState s = Topics.INGEST_STATE.valueSerde().deserializer().deserialize(topic, r.value());
      if (sources.put(s.getSource(), s) == null) {
        registerSource(s.getSource());
      }
    } else if (topic.equals(Topics.DEAD_LETTERS.name())) {
      DeadLetter d = Topics.DEAD_LETTERS.valueSerde().deserializer().deserialize(topic, r.value());
      synchronized (deadLetters) {
        deadLetters.addFirst(new Dead(r.partition() + "-" + r.offset(), d));
        while (deadLetters.size() > MAX_DEAD_LETTERS) {
          deadLetters.removeLast();
        }
      }
      deadLetterCounters
          .computeIfAbsent(
              d.getStage(),
              stage ->
                  Counter.builder("newsdesk.dead.letters")
                      .description("Dead letters by reason (the stage code that rejected them)")
                      .tag("reason", stage)
                      .register(meters))
          .increment();
    } else if (topic.equals(Topics.ENRICHED.name())) {
      EnrichedArticle a = Topics.ENRICHED.valueSerde().deserializer().deserialize(topic, r.value());
      articleCounter.increment();
      if (a.getDuplicateKind() != null) {
        duplicateCounters
            .computeIfAbsent(
                a.getDuplicateKind(),
                kind ->
                    Counter.builder("newsdesk.duplicates")
                        .description("Articles flagged as duplicates, by kind")
                        .tag("kind", kind)
                        .register(meters))
            .increment();
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("id", r.key());
      data.put("title", a.getArticle().getTitle());
      data.put("storyId", a.getStoryId());
      emit(new Change("article", data));
    }
  }

  private void registerSource(String source) {
    Gauge.builder("newsdesk.source.polls", () -> counter(source, "fetched", "notModified"))
        .description("Polls of a source that got an answer (fetched or not modified)")
        .tag("source", source)
        .register(meters);
    Gauge.builder("newsdesk.source.items", () -> counter(source, "newItems"))
        .description("New items a source published")
        .tag("source", source)
        .register(meters);
    Gauge.builder("newsdesk.source.errors", () -> counter(source, "failures"))
        .description("Failed polls of a source")
        .tag("source", source)
        .register(meters);
    Gauge.builder("newsdesk.source.seconds.since.success", () -> sinceSuccess(source))
        .description("Seconds since the last successful poll (NaN: never)")
        .tag("source", source)
        .register(meters);
  }

  private double counter(String source, String... names) {
    SourceState s = sources.get(source);
    if (s == null) {
      return Double.NaN;
    }
    long sum = 0;
    Map<String, Long> c = new HashMap<>(s.getCounters());
    for (String n : names) {
      sum += c.getOrDefault(n, 0L);
    }
    return sum;
  }

  private double sinceSuccess(String source) {
    SourceState s = sources.get(source);
    if (s == null || s.getLastSuccessAt() == null) {
      return Double.NaN;
    }
    return (System.currentTimeMillis() - s.getLastSuccessAt()) / 1000.0;
  }

  private void emit(Change c) {
    for (Consumer<Change> l : listeners) {
      try {
        l.accept(c);
      } catch (RuntimeException e) {
        LOG.debug("a change listener failed", e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumerMetrics.close();
    consumer.close(Duration.ofSeconds(5));
  }
}
