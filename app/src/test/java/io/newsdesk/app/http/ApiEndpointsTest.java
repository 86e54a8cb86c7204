package io.newsdesk.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsdesk.enrich.EnrichConfig;
import io.newsdesk.enrich.EnrichStores;
import io.newsdesk.enrich.EnrichTopology;
import io.newsdesk.enrich.StoryFixtures;
import io.newsdesk.enrich.TestComponents;
import io.newsdesk.enrich.stories.StoryState;
import io.newsdesk.enrich.stories.StoryTopology;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /api} handlers over plain HTTP on port 0, answering from the state stores of the real
 * enrich topology (run by {@link TopologyTestDriver} on fixture articles): shapes, 404s, 400s, and
 * the 503s of a stage that cannot answer.
 */
class ApiEndpointsTest {

  private static final AvroCodec<RawDocument> RAW = AvroCodec.of(RawDocument.class);
  private static final Instant T0 = Instant.parse("2026-03-04T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path stateDir;
  static TopologyTestDriver driver;
  static NewsView view;
  static PrometheusMeterRegistry registry;
  static NewsdeskServer server;
  static NewsdeskServer bare;

  @BeforeAll
  static void serveTheStoresOfAnEnrichedStory() {
    EnrichConfig config = EnrichConfig.defaults("unused:9092", stateDir);
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(TestComponents.create(), config), config.streamsProperties());
    TestInputTopic<String, byte[]> raw =
        driver.createInputTopic(
            Topics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    send(raw, "wire", StoryFixtures.wire(), Duration.ZERO);
    send(raw, "syndicated", StoryFixtures.syndicated(), Duration.ofMinutes(20));
    for (int i = 0; i < StoryFixtures.SAME_STORY.size(); i++) {
      send(raw, "outlet" + i, StoryFixtures.SAME_STORY.get(i), Duration.ofMinutes(30 + 5 * i));
    }
    send(raw, "oil", StoryFixtures.UNRELATED.get(0), Duration.ofMinutes(50));
    // A story an article joined to the wire's story: its id stays in the store, pointing there.
    StoryState joined = new StoryState();
    joined.id = "wire-sidebar";
    joined.mergedInto = "wire";
    driver.<String, StoryState>getKeyValueStore(StoryTopology.STORE).put(joined.id, joined);

    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Nothing listens on port 1: the view stays "connecting to Kafka", and /health says so.
    Properties unreachable = new Properties();
    unreachable.put("bootstrap.servers", "127.0.0.1:1");
    view = NewsView.start(unreachable, registry);
    Health health = new Health().register("kafka", view::problem);
    server = NewsdeskServer.start(new HttpAddress("127.0.0.1", 0), health, registry, view);
    EnrichStores stores =
        new EnrichStores(
            new EnrichStores.Lookup() {
              @Override
              @SuppressWarnings("unchecked")
              public <T> T store(String name, QueryableStoreType<T> type) {
                return (T)
                    (type instanceof QueryableStoreTypes.WindowStoreType
                        ? driver.getWindowStore(name)
                        : driver.getKeyValueStore(name));
              }
            });
    // "Now" is just after the fixtures: their windows are the current ones.
    server.serveStores(
        new ClusterQueries(
            stores,
            StoreHosts.alone(new HostInfo("127.0.0.1", server.port())),
            () -> T0.plus(Duration.ofMinutes(55)).toEpochMilli()));
    bare = NewsdeskServer.start(new HttpAddress("127.0.0.1", 0), new Health(), registry, view);
  }

  @AfterAll
  static void stop() {
    server.close();
    bare.close();
    view.close();
    registry.close();
    driver.close();
  }

  private static void send(
      TestInputTopic<String, byte[]> raw, String id, String body, Duration at) {
    String url = "https://" + id + ".example/a";
    RawDocument doc =
        RawDocument.newBuilder()
            .setId(id)
            .setSource(id + ".example")
            .setUrl(url)
            .setCanonicalUrl(url)
            .setFetchedAt(T0.plus(at).toEpochMilli())
            .setArrival(Arrival.PUSH)
            .setContentType("text/plain")
            .setCharset("UTF-8")
            .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
            .build();
    raw.pipeInput(id, RAW.encode(doc), T0.plus(at));
  }

  @Test
  void storiesListsTheOpenStoriesWithTheirShape() throws Exception {
    JsonNode stories = get(server, "/api/stories");
    assertThat(stories.isArray()).isTrue();
    assertThat(stories.size()).isGreaterThanOrEqualTo(2);
    JsonNode first = stories.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .contains("id", "title", "articleCount", "firstSeen", "lastSeen", "topEntities");
    int total = 0;
    for (JsonNode s : stories) {
      total += s.get("articleCount").asInt();
    }
    assertThat(total).isEqualTo(2 + StoryFixtures.SAME_STORY.size() + 1);
    assertThat(get(server, "/api/stories?limit=1")).hasSize(1);
  }

  @Test
  void oneStoryComesWithItsArticlesFromTheArticleStore() throws Exception {
    JsonNode largest = largest(get(server, "/api/stories"));
    JsonNode story = get(server, "/api/stories/" + largest.get("id").asText());
    assertThat(story.get("articles")).hasSize(largest.get("articleCount").asInt());
    List<String> ids = new ArrayList<>();
    story.get("articles").forEach(a -> ids.add(a.get("id").asText()));
    assertThat(ids).contains("wire");
    story
        .get("articles")
        .forEach(a -> assertThat(a.get("storyId").asText()).isEqualTo(largest.get("id").asText()));
  }

  @Test
  void theIdOfAJoinedStoryAnswersWithTheStoryThatTookItIn() throws Exception {
    JsonNode story = get(server, "/api/stories/wire-sidebar");

    assertThat(story.get("id").asText()).isEqualTo("wire");
    assertThat(story.get("articles").size()).isEqualTo(story.get("articleCount").asInt());
    List<String> listed = new ArrayList<>();
    get(server, "/api/stories").forEach(s -> listed.add(s.get("id").asText()));
    assertThat(listed).contains("wire").doesNotContain("wire-sidebar");
  }

  @Test
  void anUnknownStoryOrArticleIs404() throws Exception {
    assertThat(fetch(server, "/api/stories/no-such-story").statusCode()).isEqualTo(404);
    assertThat(fetch(server, "/api/articles/no-such-article").statusCode()).isEqualTo(404);
    assertThat(fetch(server, "/api/entities/MISC:nobody").statusCode()).isEqualTo(404);
  }

  @Test
  void oneArticleHasItsTextEntitiesAndStory() throws Exception {
    JsonNode a = get(server, "/api/articles/wire");
    assertThat(a.get("title").asText()).isEqualTo(StoryFixtures.WIRE_TITLE);
    assertThat(a.get("text").asText()).contains("Foreign Minister Fuad Hussein");
    assertThat(a.get("storyId").asText()).isNotBlank();
    List<String> keys = new ArrayList<>();
    a.get("entities").forEach(e -> keys.add(e.get("key").asText()));
    assertThat(keys).contains("MISC:baghdad");
  }

  @Test
  void trendingRanksTheEntitiesOfTheCurrentWindowWithSparklines() throws Exception {
    JsonNode trending = get(server, "/api/entities/trending?window=1h&top=5");
    assertThat(trending).hasSize(5);
    JsonNode top = trending.get(0);
    assertThat(top.fieldNames())
        .toIterable()
        .contains("key", "name", "articles", "mentions", "meanSentiment", "windowStart", "spark");
    // Every article of the story names Baghdad or Iraq; the unrelated one names neither.
    assertThat(top.get("articles").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(top.get("spark").size()).isPositive();
    long articles = Long.MAX_VALUE;
    for (JsonNode t : trending) {
      assertThat(t.get("articles").asLong()).isLessThanOrEqualTo(articles);
      articles = t.get("articles").asLong();
    }
  }

  @Test
  void anEntityHasItsWindowsAndHourlyMentions() throws Exception {
    String key = get(server, "/api/entities/trending").get(0).get("key").asText();
    JsonNode e = get(server, "/api/entities/" + key + "?window=1h");
    assertThat(e.get("key").asText()).isEqualTo(key);
    assertThat(e.get("series").size()).isPositive();
    assertThat(e.get("hourly").size()).isPositive();
    long hourly = 0;
    for (JsonNode h : e.get("hourly")) {
      hourly += h.get("articles").asLong();
    }
    assertThat(hourly)
        .isEqualTo(get(server, "/api/entities/trending").get(0).get("articles").asLong());
  }

  @Test
  void anUnknownWindowIs400() throws Exception {
    HttpResponse<String> res = fetch(server, "/api/entities/trending?window=2w");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).contains("1h", "1d");
  }

  @Test
  void healthIs503WithTheReasonWhileKafkaIsUnreachable() throws Exception {
    HttpResponse<String> res = fetch(server, "/health");
    assertThat(res.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(res.body());
    assertThat(body.get("status").asText()).isEqualTo("DOWN");
    assertThat(body.get("checks").get("kafka").asText()).isNotEqualTo("ok").isNotBlank();
  }

  @Test
  void aStageWithoutEnrichAnswersStoryQuestionsWith503AndWhy() throws Exception {
    HttpResponse<String> res = fetch(bare, "/api/stories");
    assertThat(res.statusCode()).isEqualTo(503);
    assertThat(res.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(res.body()).get("error").asText()).contains("no enrich stage");
    assertThat(fetch(bare, "/health").statusCode()).isEqualTo(503);
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    HttpResponse<String> res = fetch(server, "/metrics");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(res.body()).contains("newsdesk_articles_total");
  }

  @Test
  void deadLettersAndSourcesAreJsonArraysEvenBeforeKafkaAnswers() throws Exception {
    assertThat(get(server, "/api/dead-letters").isArray()).isTrue();
    assertThat(get(server, "/api/sources").isArray()).isTrue();
    assertThat(fetch(server, "/api/dead-letters/0-0/original").statusCode()).isEqualTo(404);
  }

  private static JsonNode largest(JsonNode stories) {
    JsonNode best = null;
    for (JsonNode s : stories) {
      if (best == null || s.get("articleCount").asInt() > best.get("articleCount").asInt()) {
        best = s;
      }
    }
    return best;
  }

  private static JsonNode get(NewsdeskServer s, String path) throws Exception {
    HttpResponse<String> res = fetch(s, path);
    assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }

  private static HttpResponse<String> fetch(NewsdeskServer s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
