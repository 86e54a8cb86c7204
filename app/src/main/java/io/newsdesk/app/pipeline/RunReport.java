package io.newsdesk.app.pipeline;

import io.newsdesk.enrich.stories.EntityFolds;
import io.newsdesk.enrich.stories.StoryState;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.CorruptRecordException;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What one run produced, read back from the topics between two sets of offsets: documents in,
 * articles out, duplicates, dead letters by stage, top entities.
 */
public final class RunReport {

  /** Offsets of the topics the report reads, taken before a run starts. */
  public record Marks(Map<TopicPartition, Long> offsets) {}

  public long documentsIn;
  public long articlesOut;
  public long duplicates;
  public final List<String> articleIds = new ArrayList<>();
  public final List<String> duplicateIds = new ArrayList<>();
  public final Map<String, Long> deadLettersByStage = new TreeMap<>();
  public final List<String> deadLetterSamples = new ArrayList<>();
  public final Map<String, Long> entityArticles = new HashMap<>();
  public final Map<String, String> entityNames = new HashMap<>();
  public final Map<String, String> entityTypes = new HashMap<>();

  /** Articles per story, joined stories counted with the one they joined ({@link #recount}). */
  public final Map<String, Long> storyArticles = new HashMap<>();

  public final Map<String, String> storyTitles = new HashMap<>();

  /** Stories an article joined to another during the run: closed story id to the one it joined. */
  public final Map<String, String> mergedStories = new HashMap<>();

  public final Map<String, Long> duplicatesByKind = new TreeMap<>();

  /** Each article's story (or null) and the keys of its names, for counting by story-level key. */
  private final List<Map.Entry<String, List<String>>> articleKeys = new ArrayList<>();

  /** The end offsets of the report's topics now. */
  public static Marks mark(String bootstrap) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> tps = partitions(c);
      return new Marks(new HashMap<>(c.endOffsets(tps)));
    }
  }

  /** Reads what was written between {@code from} and now. */
  public static RunReport since(String bootstrap, Marks from) {
    RunReport r = new RunReport();
    AvroCodec<EnrichedArticle> articles = AvroCodec.of(EnrichedArticle.class);
    AvroCodec<DeadLetter> letters = AvroCodec.of(DeadLetter.class);
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> tps = partitions(c);
      Map<TopicPartition, Long> ends = c.endOffsets(tps);
      read(c, from, ends, Topics.RAW.name(), rec -> r.documentsIn++);
      read(
          c,
          from,
          ends,
          Topics.ARTICLES.name(),
          rec -> {
            try {
              r.add(articles.decode(rec.value()));
            } catch (CorruptRecordException e) {
              r.deadLettersByStage.merge("report.decode", 1L, Long::sum);
            }
          });
      read(
          c,
          from,
          ends,
          Topics.DEAD_LETTERS.name(),
          rec -> {
            DeadLetter d = letters.decode(rec.value());
            r.deadLettersByStage.merge(d.getStage(), 1L, Long::sum);
            if (r.deadLetterSamples.size() < 10) {
              r.deadLetterSamples.add(
                  d.getStage()
                      + ": "
                      + d.getReason()
                      + (d.getUrl() == null ? "" : " (" + d.getUrl() + ")"));
            }
          });
      read(
          c,
          from,
          ends,
          Topics.STORIES.name(),
          rec -> {
            if (rec.value() == null) {
              return;
            }
            Story s =
                Topics.STORIES.valueSerde().deserializer().deserialize(rec.topic(), rec.value());
            if (s.getMergedInto() != null) {
              r.mergedStories.put(s.getId(), s.getMergedInto());
            }
          });
    }
    r.recount();
    return r;
  }

  void add(EnrichedArticle a) {
    articlesOut++;
    articleIds.add(a.getArticle().getId());
    if (a.getDuplicateOf() != null) {
      duplicates++;
      duplicateIds.add(a.getArticle().getId());
      duplicatesByKind.merge(String.valueOf(a.getDuplicateKind()), 1L, Long::sum);
    }
    // A story is titled by its first article, whose id it bears.
    if (a.getArticle().getId().equals(a.getStoryId()) && a.getArticle().getTitle() != null) {
      storyTitles.put(a.getStoryId(), a.getArticle().getTitle());
    }
    List<String> keys = new ArrayList<>();
    for (Entity e : a.getEntities()) {
      if (e.getType().equals("DATE")
          || e.getType().equals("AMOUNT")
          || e.getType().equals("MONEY")) {
        continue;
      }
      keys.add(e.getKey());
      entityNames.merge(e.getKey(), e.getCanonical(), (x, y) -> x.length() >= y.length() ? x : y);
      entityTypes.put(e.getKey(), e.getType());
    }
    articleKeys.add(Map.entry(a.getStoryId() == null ? "" : a.getStoryId(), keys));
  }

  /**
   * Counts articles per entity as the stories name them: an article that came before its story
   * named a person in full keeps "PER:hussein" in its record, yet counts for the one person of its
   * story whose full name ends in it ("PER:fuad hussein"), as the story view and the trends do.
   */
  void recount() {
    // Articles keep the story id they were given; a story joined to another counts for that one.
    storyArticles.clear();
    for (Map.Entry<String, List<String>> a : articleKeys) {
      if (!a.getKey().isEmpty()) {
        storyArticles.merge(storyOf(a.getKey()), 1L, Long::sum);
      }
    }
    Map<String, StoryState> stories = new HashMap<>();
    for (Map.Entry<String, List<String>> a : articleKeys) {
      if (a.getKey().isEmpty()) {
        continue;
      }
      StoryState st = stories.computeIfAbsent(storyOf(a.getKey()), k -> new StoryState());
      for (String k : a.getValue()) {
        st.entities.merge(k, 1.0, Double::sum);
        if (k.startsWith("PER:") && k.indexOf(' ') > 0) {
          st.people.put(k, entityNames.get(k));
        }
      }
    }
    EntityFolds folds = EntityFolds.of(stories.values());
    entityArticles.clear();
    for (Map.Entry<String, List<String>> a : articleKeys) {
      Set<String> counted = new LinkedHashSet<>();
      for (String k : a.getValue()) {
        counted.add(a.getKey().isEmpty() ? k : folds.keyOf(k));
      }
      counted.forEach(k -> entityArticles.merge(k, 1L, Long::sum));
    }
  }

  /** The story that holds a story's articles now: itself, or the one it was joined to. */
  String storyOf(String id) {
    String at = id;
    // Bounded: a chain of joins is as long as the run's stories at most.
    for (int i = 0; i <= mergedStories.size() && mergedStories.containsKey(at); i++) {
      at = mergedStories.get(at);
    }
    return at;
  }

  public long deadLetters() {
    return deadLettersByStage.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Dead letters of ingest: documents refused before they were published to the raw topic. */
  public long ingestDeadLetters() {
    return deadLettersByStage.entrySet().stream()
        .filter(e -> e.getKey().startsWith(INGEST_STAGE))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static final String INGEST_STAGE = "ingest.";

  /**
   * Why this run's output does not account for what went in, or empty when it does. Every document
   * ingest published comes out exactly once, as an article or a dead letter of enrich or the sink;
   * when {@code offered} is known (0 or more, e.g. the files of a drop folder), ingest published or
   * dead-lettered each of them. A run that put out no article never passes: a starved broker once
   * made a benchmark "succeed" with 0 articles out.
   */
  public Optional<String> unaccounted(long offered) {
    long afterIngest = deadLetters() - ingestDeadLetters();
    if (articlesOut == 0) {
      return Optional.of(
          "no articles came out (%d documents in, %d dead letters): the pipeline did not deliver"
              .formatted(documentsIn, deadLetters()));
    }
    if (articlesOut + afterIngest != documentsIn) {
      return Optional.of(
          "%d documents in but %d out (%d articles, %d dead letters of enrich and sink): %s"
              .formatted(
                  documentsIn,
                  articlesOut + afterIngest,
                  articlesOut,
                  afterIngest,
                  articlesOut + afterIngest < documentsIn
                      ? "the pipeline lost or did not finish "
                          + (documentsIn - articlesOut - afterIngest)
                      : "more out than in, exactly-once broken"));
    }
    if (offered >= 0 && documentsIn + ingestDeadLetters() != offered) {
      return Optional.of(
          "%d documents offered to ingest but %d published and %d dead-lettered by ingest"
              .formatted(offered, documentsIn, ingestDeadLetters()));
    }
    return Optional.empty();
  }

  /** The {@code n} stories with the most articles, title (or id) to article count. */
  public Map<String, Long> topStories(int n) {
    Map<String, Long> out = new LinkedHashMap<>();
    storyArticles.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> out.put(storyTitles.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
    return out;
  }

  /** The {@code n} entities mentioned in the most articles, name to article count. */
  public Map<String, Long> topEntities(int n) {
    Map<String, Long> out = new LinkedHashMap<>();
    entityArticles.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(
            e ->
                out.put(
                    entityNames.get(e.getKey()) + " (" + entityTypes.get(e.getKey()) + ")",
                    e.getValue()));
    return out;
  }

  private static void read(
      KafkaConsumer<byte[], byte[]> c,
      Marks from,
      Map<TopicPartition, Long> ends,
      String topic,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    List<TopicPartition> tps =
        ends.keySet().stream().filter(tp -> tp.topic().equals(topic)).toList();
    c.assign(tps);
    Map<TopicPartition, Long> remaining = new HashMap<>();
    for (TopicPartition tp : tps) {
      long start = from.offsets().getOrDefault(tp, 0L);
      c.seek(tp, start);
      if (ends.get(tp) > start) {
        remaining.put(tp, ends.get(tp));
      }
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (!remaining.isEmpty() && System.currentTimeMillis() < deadline) {
      for (ConsumerRecord<byte[], byte[]> rec : c.poll(Duration.ofMillis(200))) {
        TopicPartition tp = new TopicPartition(rec.topic(), rec.partition());
        if (remaining.containsKey(tp) && rec.offset() < remaining.get(tp)) {
          each.accept(rec);
        }
      }
      remaining.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
    List<TopicPartition> tps = new ArrayList<>();
    for (String t :
        List.of(
            Topics.RAW.name(),
            Topics.ARTICLES.name(),
            Topics.DEAD_LETTERS.name(),
            Topics.STORIES.name())) {
      for (PartitionInfo p : c.partitionsFor(t)) {
        tps.add(new TopicPartition(t, p.partition()));
      }
    }
    tps.sort(Comparator.comparing(TopicPartition::toString));
    return tps;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
