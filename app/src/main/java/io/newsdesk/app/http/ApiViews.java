package io.newsdesk.app.http;

import io.newsdesk.app.http.NewsView.Dead;
import io.newsdesk.enrich.trends.TrendBoard;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntityTrend;
import io.newsdesk.schema.SourceState;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.StoryEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns the records of the views into the JSON shapes of {@code /api}: pure functions. */
public final class ApiViews {

  /** How many points a sparkline has at most. */
  static final int SPARK_POINTS = 24;

  private ApiViews() {}

  /** Stories, most recently grown first, then largest. */
  public static List<Map<String, Object>> stories(Collection<Story> stories, int limit) {
    return stories.stream()
        .sorted(
            Comparator.comparingLong(Story::getLastSeen)
                .thenComparingInt(Story::getArticleCount)
                .reversed()
                .thenComparing(Story::getId))
        .limit(limit)
        .map(ApiViews::story)
        .toList();
  }

  /** One story as JSON. */
  public static Map<String, Object> story(Story s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.getId());
    m.put("title", s.getTitle());
    m.put("articleCount", s.getArticleCount());
    m.put("firstSeen", s.getFirstSeen());
    m.put("lastSeen", s.getLastSeen());
    m.put("meanTone", s.getMeanTone());
    m.put("topEntities", s.getTopEntities().stream().map(ApiViews::storyEntity).toList());
    return m;
  }

  private static Map<String, Object> storyEntity(StoryEntity e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", e.getKey());
    m.put("name", e.getCanonical());
    m.put("type", e.getType());
    // Summed salience over the story's articles, bare surnames counted for their one person.
    m.put("weight", e.getWeight());
    return m;
  }

  /** A story with the views of its articles ({@link #article}, without text) that were found. */
  public static Map<String, Object> storyWithArticles(Story s, List<Map<String, Object>> articles) {
    Map<String, Object> m = story(s);
    m.put("articleIds", s.getArticleIds());
    m.put("articles", articles);
    return m;
  }

  /** One article; {@code withText} adds its main text. */
  public static Map<String, Object> article(EnrichedArticle e, boolean withText) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.getArticle().getId());
    m.put("title", e.getArticle().getTitle());
    m.put("url", e.getArticle().getUrl());
    m.put("source", e.getArticle().getSource());
    m.put("published", e.getArticle().getPublished());
    m.put("language", e.getArticle().getLanguage());
    m.put("tone", e.getTone() == null ? null : e.getTone().getTone());
    m.put("storyId", e.getStoryId());
    m.put("duplicateOf", e.getDuplicateOf());
    m.put("duplicateKind", e.getDuplicateKind());
    m.put("entities", e.getEntities().stream().map(ApiViews::entity).toList());
    if (withText) {
      m.put("text", e.getArticle().getText());
    }
    return m;
  }

  private static Map<String, Object> entity(Entity e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", e.getKey());
    m.put("name", e.getCanonical());
    m.put("type", e.getType());
    m.put("count", e.getCount());
    m.put("sentiment", e.getSentiment() == null ? null : e.getSentiment().getScore());
    return m;
  }

  /**
   * This instance's top entities of {@code window} at {@code now} (the window {@link
   * TrendBoard#top} picks, or the one starting at {@code start} when given), with articles,
   * mentions, mean sentiment and a sparkline of articles per hour from {@code hourly}.
   */
  public static List<Map<String, Object>> trending(
      Collection<EntityTrend> trends,
      String window,
      long now,
      int top,
      OptionalLong start,
      Function<String, List<EntityTrend>> hourly) {
    List<EntityTrend> picked =
        start.isEmpty()
            ? TrendBoard.top(trends, window, now, top)
            : trends.stream()
                .filter(t -> t.getWindow().equals(window))
                .filter(t -> t.getWindowStart() == start.getAsLong())
                .sorted(BY_WEIGHT)
                .limit(top)
                .toList();
    return picked.stream()
        .map(
            t -> {
              Map<String, Object> m = trend(t);
              List<EntityTrend> h = hourly.apply(t.getKey());
              m.put(
                  "spark",
                  h.subList(Math.max(0, h.size() - SPARK_POINTS), h.size()).stream()
                      .map(EntityTrend::getArticles)
                      .toList());
              return m;
            })
        .toList();
  }

  private static final Comparator<EntityTrend> BY_WEIGHT =
      Comparator.comparingLong(EntityTrend::getArticles)
          .thenComparingLong(EntityTrend::getMentions)
          .reversed()
          .thenComparing(t -> t.getKey().toString());

  /**
   * The window start a merged trending answer keeps: the earliest window covering {@code now}, or
   * when none does, the latest; empty when there are no rows.
   */
  public static OptionalLong currentWindowStart(List<Map<String, Object>> rows, long now) {
    OptionalLong covering =
        rows.stream()
            .filter(r -> windowStart(r) <= now && now < number(r, "windowEnd"))
            .mapToLong(ApiViews::windowStart)
            .min();
    return covering.isPresent() ? covering : rows.stream().mapToLong(ApiViews::windowStart).max();
  }

  static long windowStart(Map<String, Object> row) {
    return number(row, "windowStart");
  }

  /** Trending rows of several instances, of the window starting at {@code start}, top first. */
  public static List<Map<String, Object>> mergeTrending(
      List<Map<String, Object>> rows, long start, int top) {
    // Rows of one key from two instances (a bare surname folded into its person on one, the
    // person's own counts on the other) count together.
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      if (windowStart(r) == start) {
        byKey.merge(String.valueOf(r.get("key")), r, ApiViews::sumRows);
      }
    }
    return byKey.values().stream()
        .sorted(
            Comparator.<Map<String, Object>>comparingLong(r -> number(r, "articles"))
                .thenComparingLong(r -> number(r, "mentions"))
                .reversed()
                .thenComparing(r -> String.valueOf(r.get("key"))))
        .limit(top)
        .toList();
  }

  // Two trending rows of one key and window: counts summed, mean sentiment weighted by mentions,
  // sparklines added point by point from their latest hour.
  static Map<String, Object> sumRows(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> m = new LinkedHashMap<>(a);
    long ma = number(a, "mentions");
    long mb = number(b, "mentions");
    m.put("articles", number(a, "articles") + number(b, "articles"));
    m.put("mentions", ma + mb);
    Object sa = a.get("meanSentiment");
    Object sb = b.get("meanSentiment");
    if (sa instanceof Number x && sb instanceof Number y) {
      m.put(
          "meanSentiment",
          ma + mb == 0
              ? (x.doubleValue() + y.doubleValue()) / 2
              : (x.doubleValue() * ma + y.doubleValue() * mb) / (ma + mb));
    } else if (sa == null) {
      m.put("meanSentiment", sb);
    }
    if (a.get("spark") instanceof List<?> pa && b.get("spark") instanceof List<?> pb) {
      int n = Math.max(pa.size(), pb.size());
      List<Long> spark = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int ia = i - (n - pa.size());
        int ib = i - (n - pb.size());
        long v = 0;
        if (ia >= 0 && pa.get(ia) instanceof Number x) {
          v += x.longValue();
        }
        if (ib >= 0 && pb.get(ib) instanceof Number y) {
          v += y.longValue();
        }
        spark.add(v);
      }
      m.put("spark", spark);
    }
    return m;
  }

  /** Story rows of several instances, most recently grown first, then largest. */
  public static List<Map<String, Object>> mergeStories(List<Map<String, Object>> rows, int limit) {
    return rows.stream()
        .sorted(
            Comparator.<Map<String, Object>>comparingLong(r -> number(r, "lastSeen"))
                .thenComparingLong(r -> number(r, "articleCount"))
                .reversed()
                .thenComparing(r -> String.valueOf(r.get("id"))))
        .limit(limit)
        .toList();
  }

  /** One entity: its windows of kind {@code window} and its hourly mentions, oldest first. */
  public static Map<String, Object> entity(
      String key, String window, List<EntityTrend> series, List<EntityTrend> hourly) {
    Map<String, Object> m = new LinkedHashMap<>();
    EntityTrend any = !series.isEmpty() ? series.get(0) : hourly.get(0);
    // A bare surname folded into its person answers under the person's key.
    m.put("key", any.getKey());
    m.put("name", any.getCanonical());
    m.put("type", any.getType());
    m.put("window", window);
    m.put("series", series.stream().map(ApiViews::trend).toList());
    m.put("hourly", hourly.stream().map(ApiViews::trend).toList());
    return m;
  }

  private static long number(Map<String, Object> row, String field) {
    Object v = row.get(field);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  private static Map<String, Object> trend(EntityTrend t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", t.getKey());
    m.put("name", t.getCanonical());
    m.put("type", t.getType());
    m.put("window", t.getWindow());
    m.put("windowStart", t.getWindowStart());
    m.put("windowEnd", t.getWindowEnd());
    m.put("articles", t.getArticles());
    m.put("mentions", t.getMentions());
    m.put("meanSentiment", t.getMeanSentiment());
    return m;
  }

  /** Sources with their health: ok, failing (with the last error) or never polled. */
  public static List<Map<String, Object>> sources(Collection<SourceState> sources, long now) {
    return sources.stream()
        .sorted(Comparator.comparing(s -> s.getSource()))
        .map(
            s -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("source", s.getSource());
              m.put("kind", s.getKind());
              m.put("health", health(s));
              m.put("lastSuccessAt", s.getLastSuccessAt());
              m.put(
                  "secondsSinceSuccess",
                  s.getLastSuccessAt() == null ? null : (now - s.getLastSuccessAt()) / 1000);
              m.put("consecutiveFailures", s.getConsecutiveFailures());
              m.put("lastError", s.getLastError());
              m.put("nextPollAt", s.getNextPollAt());
              Map<String, Long> counters = new TreeMap<>();
              s.getCounters().forEach((k, v) -> counters.put(k.toString(), v));
              m.put("counters", counters);
              return m;
            })
        .toList();
  }

  static String health(SourceState s) {
    if (s.getConsecutiveFailures() > 0) {
      return "failing";
    }
    return s.getLastSuccessAt() == null ? "pending" : "ok";
  }

  /** Dead letters, newest first, each with a link to its original bytes. */
  public static List<Map<String, Object>> deadLetters(List<Dead> dead, int limit) {
    return dead.stream().limit(limit).map(ApiViews::deadLetter).toList();
  }

  private static Map<String, Object> deadLetter(Dead d) {
    DeadLetter l = d.letter();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("reason", l.getStage());
    m.put("detail", l.getReason());
    m.put("url", l.getUrl());
    m.put("source", l.getSource());
    m.put("occurredAt", l.getOccurredAt());
    m.put("errorClass", l.getErrorClass());
    m.put("bytes", l.getOriginalBytes().remaining());
    m.put("original", "/api/dead-letters/" + d.id() + "/original");
    return m;
  }
}
