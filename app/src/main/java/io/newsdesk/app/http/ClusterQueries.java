package io.newsdesk.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.enrich.EnrichStores;
import io.newsdesk.enrich.EnrichTopology;
import io.newsdesk.enrich.stories.StoryTopology;
import io.newsdesk.enrich.trends.TrendTopology;
import io.newsdesk.enrich.trends.TrendTopology.Window;
import io.newsdesk.schema.EntityTrend;
import io.newsdesk.schema.Story;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers {@code /api} questions about stories, articles and entities by interactive queries: from
 * this instance's enrich stores when it holds the key, else forwarded over HTTP to the instance
 * that does (its {@code application.server}); "top N" questions fan out to every instance holding
 * the store and merge.
 */
public final class ClusterQueries {

  /** Marks a request one instance sends another: answer from your own stores, do not route. */
  public static final String SCOPE_HEADER = "X-Newsdesk-Scope";

  public static final String LOCAL = "local";

  /** An HTTP answer: status and JSON body. */
  public record Answer(int status, String json) {}

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> ARTICLE = new TypeReference<>() {};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EnrichStores local;
  private final StoreHosts hosts;
  private final LongSupplier clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  public ClusterQueries(EnrichStores local, StoreHosts hosts, LongSupplier clock) {
    this.local = local;
    this.hosts = hosts;
    this.clock = clock;
  }

  /** Open stories, most recently grown first: every instance holding stories, merged. */
  public Answer stories(int limit, boolean localOnly) {
    if (localOnly) {
      return ok(ApiViews.stories(local.stories(), limit));
    }
    List<Map<String, Object>> all = new ArrayList<>();
    for (HostInfo h : hosts.hostsOf(StoryTopology.STORE)) {
      all.addAll(
          isSelf(h)
              ? ApiViews.stories(local.stories(), limit)
              : rows(h, "/api/stories?limit=" + limit));
    }
    return ok(ApiViews.mergeStories(all, limit));
  }

  /** One open story with its articles, from the instance holding it. */
  public Answer story(String id, boolean localOnly) {
    HostInfo owner = localOnly ? hosts.self() : hosts.ownerOf(StoryTopology.STORE, id);
    if (!isSelf(owner)) {
      return forward(owner, "/api/stories/" + encode(id));
    }
    Optional<Story> story = local.story(id);
    if (story.isEmpty()) {
      return notFound("no open story " + id);
    }
    // Articles are partitioned by article id, the stories are not: each article is asked of the
    // instance holding it (here, or by HTTP); one it no longer holds is left out.
    List<Map<String, Object>> articles = new ArrayList<>();
    for (CharSequence a : story.get().getArticleIds()) {
      String articleId = a.toString();
      // Also when this is a forwarded (local) story query: the articles are not all here.
      HostInfo holder = hosts.ownerOf(EnrichTopology.ARTICLE_STORE, articleId);
      if (isSelf(holder)) {
        local.article(articleId).ifPresent(e -> articles.add(ApiViews.article(e, false)));
      } else {
        remoteArticle(holder, articleId).ifPresent(articles::add);
      }
    }
    return ok(ApiViews.storyWithArticles(story.get(), articles));
  }

  /** An article as another instance answers it, without its text (as in a story's articles). */
  private Optional<Map<String, Object>> remoteArticle(HostInfo h, String id) {
    Answer a = forward(h, "/api/articles/" + encode(id));
    if (a.status() != 200) {
      return Optional.empty();
    }
    try {
      Map<String, Object> article = JSON.readValue(a.json(), ARTICLE);
      article.remove("text");
      return Optional.of(article);
    } catch (IOException e) {
      throw new StoreHosts.UnavailableException(
          "enrich instance " + h.host() + ":" + h.port() + " sent unreadable JSON: " + e);
    }
  }

  /** One recent article, from the instance holding it. */
  public Answer article(String id, boolean localOnly) {
    HostInfo owner = localOnly ? hosts.self() : hosts.ownerOf(EnrichTopology.ARTICLE_STORE, id);
    if (!isSelf(owner)) {
      return forward(owner, "/api/articles/" + encode(id));
    }
    return local
        .article(id)
        .map(a -> ok(ApiViews.article(a, true)))
        .orElseGet(() -> notFound("no recent article " + id));
  }

  /**
   * The top entities of the current window of kind {@code window}: each instance answers its own
   * top, the merge keeps the window every instance agrees on (instances that chose another window
   * are asked again for that one).
   */
  public Answer trending(Window window, int top, OptionalLong start, boolean localOnly) {
    long now = clock.getAsLong();
    if (localOnly) {
      return ok(localTrending(window, top, start, now));
    }
    String store = TrendTopology.storeName(window);
    Map<HostInfo, List<Map<String, Object>>> byHost = new LinkedHashMap<>();
    for (HostInfo h : hosts.hostsOf(store)) {
      byHost.put(h, trendingOf(h, window, top, start, now));
    }
    List<Map<String, Object>> all = new ArrayList<>();
    byHost.values().forEach(all::addAll);
    OptionalLong chosen = start.isPresent() ? start : ApiViews.currentWindowStart(all, now);
    if (chosen.isEmpty()) {
      return ok(List.of());
    }
    List<Map<String, Object>> agreed = new ArrayList<>();
    for (Map.Entry<HostInfo, List<Map<String, Object>>> e : byHost.entrySet()) {
      List<Map<String, Object>> rows = e.getValue();
      boolean same = rows.isEmpty() || ApiViews.windowStart(rows.get(0)) == chosen.getAsLong();
      agreed.addAll(same ? rows : trendingOf(e.getKey(), window, top, chosen, now));
    }
    return ok(ApiViews.mergeTrending(agreed, chosen.getAsLong(), top));
  }

  /** One entity's windows of kind {@code window} and its hourly mentions, from its instance. */
  public Answer entity(String key, Window window, boolean localOnly) {
    HostInfo owner = localOnly ? hosts.self() : hosts.ownerOf(TrendTopology.storeName(window), key);
    if (!isSelf(owner)) {
      return forward(owner, "/api/entities/" + encode(key) + "?window=" + window.name());
    }
    List<EntityTrend> series = local.series(window, key);
    List<EntityTrend> hourly = local.series(TrendTopology.HOURLY, key);
    if (series.isEmpty() && hourly.isEmpty()) {
      return notFound("no recent mentions of entity " + key);
    }
    return ok(ApiViews.entity(key, window.name(), series, hourly));
  }

  private List<Map<String, Object>> trendingOf(
      HostInfo h, Window window, int top, OptionalLong start, long now) {
    if (isSelf(h)) {
      return localTrending(window, top, start, now);
    }
    String path = "/api/entities/trending?window=" + window.name() + "&top=" + top;
    return rows(h, start.isPresent() ? path + "&start=" + start.getAsLong() : path);
  }

  private List<Map<String, Object>> localTrending(
      Window window, int top, OptionalLong start, long now) {
    return ApiViews.trending(
        local.trends(window), window.name(), now, top, start, key -> hourly(key));
  }

  private List<EntityTrend> hourly(String key) {
    return local.series(TrendTopology.HOURLY, key);
  }

  private boolean isSelf(HostInfo h) {
    return h.equals(hosts.self());
  }

  private List<Map<String, Object>> rows(HostInfo h, String path) {
    Answer a = forward(h, path);
    if (a.status() != 200) {
      throw new StoreHosts.UnavailableException(
          "enrich instance "
              + h.host()
              + ":"
              + h.port()
              + " answered "
              + a.status()
              + ": "
              + a.json());
    }
    try {
      return JSON.readValue(a.json(), ROWS);
    } catch (IOException e) {
      throw new StoreHosts.UnavailableException(
          "enrich instance " + h.host() + ":" + h.port() + " sent unreadable JSON: " + e);
    }
  }

  private Answer forward(HostInfo h, String path) {
    String host = h.host().contains(":") ? "[" + h.host() + "]" : h.host();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + h.port() + path))
            .timeout(Duration.ofSeconds(10))
            .header(SCOPE_HEADER, LOCAL)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      return new Answer(res.statusCode(), res.body());
    } catch (IOException e) {
      throw new StoreHosts.UnavailableException(
          "enrich instance " + h.host() + ":" + h.port() + " did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreHosts.UnavailableException("interrupted while asking " + h.host());
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Answer ok(Object body) {
    return new Answer(200, json(body));
  }

  private static Answer notFound(String message) {
    return new Answer(404, json(Map.of("error", message)));
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
