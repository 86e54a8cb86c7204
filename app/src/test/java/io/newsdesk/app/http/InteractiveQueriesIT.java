package io.newsdesk.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.app.kafka.EmbeddedKafka;
import io.newsdesk.app.kafka.TopicProvisioner;
import io.newsdesk.enrich.EnrichApp;
import io.newsdesk.enrich.EnrichConfig;
import io.newsdesk.enrich.StoryFixtures;
import io.newsdesk.enrich.TestComponents;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich instances of one application on a real broker, each serving HTTP on port 0 and
 * advertising it as {@code application.server}: a key held by one is answered when the other is
 * asked, and "top N" answers are the same whichever instance is asked.
 */
class InteractiveQueriesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static final Instance[] instances = new Instance[2];

  /** One enrich instance with its HTTP server. */
  record Instance(Monitoring monitoring, EnrichApp enrich) {
    String url(String path) {
      return monitoring.url() + path.substring(1);
    }

    KafkaStreams streams() {
      return enrich.streams();
    }
  }

  @BeforeAll
  static void startTwoInstancesAndEnrichAStory() {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, 2, Duration.ofSeconds(30));
    }
    Properties client = new Properties();
    client.put("bootstrap.servers", kafka.bootstrapServers());
    for (int i = 0; i < 2; i++) {
      Monitoring m = Monitoring.start(HttpAddress.parse("127.0.0.1:0"), client, System.err);
      EnrichConfig config =
          EnrichConfig.defaults(kafka.bootstrapServers(), dir.resolve("streams-" + i))
              .withApplicationServer(m.applicationServer());
      EnrichApp app = EnrichApp.start(TestComponents.create(), config, Duration.ofSeconds(60));
      m.watchStreams(app.streams());
      instances[i] = new Instance(m, app);
    }
    // Both running, each with tasks of its own: the stores are split between them.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                List.of(instances).stream()
                    .allMatch(
                        x ->
                            x.streams().state() == KafkaStreams.State.RUNNING
                                && x.streams().metadataForLocalThreads().stream()
                                    .anyMatch(t -> !t.activeTasks().isEmpty())));
    produce("wire", StoryFixtures.wire());
    produce("syndicated", StoryFixtures.syndicated());
    for (int i = 0; i < StoryFixtures.SAME_STORY.size(); i++) {
      produce("outlet" + i, StoryFixtures.SAME_STORY.get(i));
    }
    produce("oil", StoryFixtures.UNRELATED.get(0));
  }

  @AfterAll
  static void stop() {
    for (Instance x : instances) {
      if (x != null) {
        x.enrich().close();
        x.monitoring().close();
      }
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aStoryHeldByOneInstanceIsAnsweredByTheOther() throws Exception {
    int articles = 2 + StoryFixtures.SAME_STORY.size() + 1;
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> total(get(instances[0], "/api/stories")) == articles);
    String id = get(instances[0], "/api/stories").get(0).get("id").asText();
    HostInfo owner =
        instances[0]
            .streams()
            .queryMetadataForKey(StoryTopology.STORE, id, Serdes.String().serializer())
            .activeHost();
    Instance holder = holderOf(owner);
    Instance other = instances[holder == instances[0] ? 1 : 0];

    // The other instance does not hold the story: asked to answer from its own stores only, it
    // cannot (503: the store is not on this instance).
    assertThat(fetch(other, "/api/stories/" + id, true).statusCode()).isNotEqualTo(200);
    // The story is stored as it is assigned, its articles a hop later (in their own partitions,
    // maybe on the other instance): wait until the story's articles are all indexed.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode s = get(holder, "/api/stories/" + id);
              assertThat(s.get("articles").size()).isEqualTo(s.get("articleCount").asInt());
            });
    // Asked normally, it routes to the holder's application.server and answers.
    JsonNode viaOther = get(other, "/api/stories/" + id);
    JsonNode viaHolder = get(holder, "/api/stories/" + id);
    assertThat(viaOther).isEqualTo(viaHolder);
    assertThat(viaOther.get("articles").size()).isEqualTo(viaOther.get("articleCount").asInt());
    String article = viaOther.get("articles").get(0).get("id").asText();
    assertThat(get(other, "/api/articles/" + article).get("storyId").asText()).isEqualTo(id);
    assertThat(get(other, "/api/stories")).isEqualTo(get(holder, "/api/stories"));
  }

  @Test
  void trendingMergesTheEntitiesOfBothInstances() throws Exception {
    String all = "/api/entities/trending?window=1d&top=200";
    // Asked either instance, the answer is the same: merged from the instances holding trends.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode merged = get(instances[0], all);
              assertThat(merged.size()).isPositive();
              assertThat(merged.get(0).get("articles").asLong()).isGreaterThanOrEqualTo(4);
              assertThat(get(instances[1], all)).isEqualTo(merged);
              // Each entity is held by one instance: what they hold adds up to the merged answer.
              // (An instance holding no trend partition cannot answer from its own stores.)
              int held = 0;
              for (Instance x : instances) {
                HttpResponse<String> own = fetch(x, all, true);
                if (own.statusCode() == 200) {
                  held += JSON.readTree(own.body()).size();
                } else {
                  assertThat(own.statusCode()).isEqualTo(503);
                }
              }
              assertThat(held).isEqualTo(merged.size());
            });
    for (JsonNode t : get(instances[0], all)) {
      String key = t.get("key").asText();
      assertThat(get(instances[0], "/api/entities/" + key + "?window=1d"))
          .isEqualTo(get(instances[1], "/api/entities/" + key + "?window=1d"));
    }
  }

  private static Instance holderOf(HostInfo host) {
    for (Instance x : instances) {
      if (x.monitoring().applicationServer().equals(host.host() + ":" + host.port())) {
        return x;
      }
    }
    throw new AssertionError("no instance advertises " + host);
  }

  private static int total(JsonNode stories) {
    int n = 0;
    for (JsonNode s : stories) {
      n += s.get("articleCount").asInt();
    }
    return n;
  }

  private static JsonNode get(Instance x, String path) throws Exception {
    return fetchJson(x, path, false);
  }

  private static JsonNode fetchJson(Instance x, String path, boolean localOnly) throws Exception {
    HttpResponse<String> res = fetch(x, path, localOnly);
    assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }

  private static HttpResponse<String> fetch(Instance x, String path, boolean localOnly)
      throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(x.url(path)));
    if (localOnly) {
      req.header(ClusterQueries.SCOPE_HEADER, ClusterQueries.LOCAL);
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void produce(String id, String body) {
    AvroCodec<RawDocument> codec = AvroCodec.of(RawDocument.class);
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers(), "enable.idempotence", true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      String url = "https://" + id + ".example/story";
      RawDocument raw =
          RawDocument.newBuilder()
              .setId(id)
              .setSource(id + ".example")
              .setUrl(url)
              .setCanonicalUrl(url)
              .setFetchedAt(System.currentTimeMillis())
              .setArrival(Arrival.PUSH)
              .setContentType("text/plain")
              .setCharset("UTF-8")
              .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
              .build();
      p.send(new ProducerRecord<>(Topics.RAW.name(), id, codec.encode(raw)));
      p.flush();
    }
  }
}
