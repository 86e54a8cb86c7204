package io.newsdesk.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.app.demo.DemoRun;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.app.pipeline.Pipeline;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code demo --serve} in-process: the demo runs on the embedded broker, then the pipeline keeps
 * running while the tests ask its HTTP server, and a headless Chromium renders the console.
 */
class ConsoleIT {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static KafkaEnvironment kafka;
  static Monitoring monitoring;
  static final CountDownLatch done = new CountDownLatch(1);
  static final CompletableFuture<DemoRun.Result> drained = new CompletableFuture<>();
  static CompletableFuture<DemoRun.Result> run;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serveTheDemo() throws Exception {
    kafka = DemoRun.embedded(dir);
    monitoring =
        Monitoring.start(HttpAddress.parse("127.0.0.1:0"), kafka.clientProperties(), System.err);
    run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return DemoRun.run(
                    kafka,
                    dir,
                    Duration.ofMinutes(3),
                    new DemoRun.Hooks() {
                      @Override
                      public String applicationServer() {
                        return monitoring.applicationServer();
                      }

                      @Override
                      public void started(Pipeline pipeline) {
                        pipeline.watchWith(monitoring);
                      }

                      @Override
                      public void drained(DemoRun.Result r) throws Exception {
                        drained.complete(r);
                        done.await(5, TimeUnit.MINUTES);
                      }
                    });
              } catch (Exception e) {
                drained.completeExceptionally(e);
                throw new IllegalStateException(e);
              }
            });
    drained.get(4, TimeUnit.MINUTES);
    // The view reads the topics behind the pipeline: wait until it caught up with the demo.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                get("/api/stories").size() > 0
                    && get("/api/entities/trending").size() > 0
                    && get("/api/dead-letters").size() > 0);
  }

  @AfterAll
  static void stop() throws Exception {
    done.countDown();
    if (run != null) {
      run.get(2, TimeUnit.MINUTES);
    }
    if (monitoring != null) {
      monitoring.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void healthIsUpWhileThePipelineRuns() throws Exception {
    HttpResponse<String> res = fetch("/health");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode checks = json.readTree(res.body()).get("checks");
    assertThat(checks.get("enrich").asText()).isEqualTo("ok");
    assertThat(checks.get("sink").asText()).isEqualTo("ok");
    assertThat(checks.get("kafka").asText()).isEqualTo("ok");
  }

  @Test
  void metricsHaveNewsdeskAndKafkaClientSeries() throws Exception {
    String text = fetch("/metrics").body();
    assertThat(value(text, "newsdesk_articles_total")).isGreaterThan(0);
    assertThat(value(text, "newsdesk_stories_total")).isGreaterThan(0);
    assertThat(value(text, "newsdesk_dead_letters_total")).isGreaterThan(0);
    assertThat(value(text, "newsdesk_source_items")).isGreaterThan(0);
    assertThat(value(text, "newsdesk_sink_files_records_total")).isGreaterThan(0);
    assertThat(value(text, "newsdesk_sink_bytes_total")).isGreaterThan(0);
    assertThat(value(text, "newsdesk_duplicates_total")).isGreaterThan(0);
    // Time per article in every stage the demo runs through.
    for (String stage :
        List.of(
            "fetch",
            "extract",
            "entities",
            "sentiment",
            "dedup-url",
            "dedup-exact",
            "near-duplicates",
            "stories",
            "sink-write")) {
      assertThat(text)
          .as(stage)
          .containsPattern("(?m)^newsdesk_stage_seconds_count\\{stage=\"" + stage + "\"\\} [1-9]");
    }
    assertThat(text).containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag\\{");
    assertThat(text).containsPattern("(?m)^kafka_consumer_\\w+\\{");
    assertThat(text).containsPattern("(?m)^kafka_stream_\\w+\\{");
  }

  @Test
  void storiesAndTrendingEntitiesComeFromTheDemo() throws Exception {
    JsonNode stories = get("/api/stories");
    JsonNode largest = largestStory(stories);
    assertThat(largest.get("articleCount").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode story = get("/api/stories/" + largest.get("id").asText());
    assertThat(story.get("articles")).hasSize(largest.get("articleCount").asInt());

    JsonNode trending = get("/api/entities/trending");
    List<String> storyEntityKeys = new ArrayList<>();
    story
        .get("articles")
        .forEach(a -> a.get("entities").forEach(e -> storyEntityKeys.add(e.get("key").asText())));
    List<String> trendingKeys = new ArrayList<>();
    trending.forEach(t -> trendingKeys.add(t.get("key").asText()));
    // The largest story's articles are the demo's most repeated news: its entities trend.
    assertThat(trendingKeys).containsAnyElementsOf(storyEntityKeys);
    assertThat(trending.get(0).get("articles").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void deadLettersListTheDemosReasonsWithTheirOriginalBytes() throws Exception {
    JsonNode dead = get("/api/dead-letters");
    List<String> reasons = new ArrayList<>();
    dead.forEach(d -> reasons.add(d.get("reason").asText()));
    assertThat(reasons).isNotEmpty().allMatch(r -> !r.isBlank());
    JsonNode first = dead.get(0);
    HttpResponse<String> original = fetch(first.get("original").asText());
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.body().length()).isPositive();
  }

  @Test
  void sourcesShowTheirHealth() throws Exception {
    JsonNode sources = get("/api/sources");
    List<String> health = new ArrayList<>();
    sources.forEach(s -> health.add(s.get("health").asText()));
    assertThat(health).contains("ok");
  }

  @Test
  void headlessChromiumRendersTheLargestStoryAndTheTrendingEntities() throws Exception {
    assumeTrue(
        CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "no browser: install Debian's chromium and chromium-driver (.ci/run does) to run the"
            + " console test");
    String title = largestStory(get("/api/stories")).get("title").asText();
    List<String> names = new ArrayList<>();
    get("/api/entities/trending?top=15").forEach(t -> names.add(t.get("name").asText()));

    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(monitoring.url());
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(texts(browser, ".story-title")).contains(title);
                assertThat(texts(browser, ".entity-name")).containsAll(names);
                assertThat(browser.findElements(By.cssSelector(".spark canvas"))).isNotEmpty();
                assertThat(texts(browser, ".dead-reason")).isNotEmpty();
              });
      String shot = System.getProperty("newsdesk.screenshot");
      if (shot != null && !shot.isBlank()) {
        Files.write(Path.of(shot), browser.getScreenshotAs(OutputType.BYTES));
      }
    } finally {
      browser.quit();
    }
  }

  private static List<String> texts(ChromeDriver browser, String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static JsonNode largestStory(JsonNode stories) {
    JsonNode largest = stories.get(0);
    for (JsonNode s : stories) {
      if (s.get("articleCount").asInt() > largest.get("articleCount").asInt()) {
        largest = s;
      }
    }
    return largest;
  }

  private static double value(String metrics, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$")
            .matcher(metrics);
    double sum = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      sum += Double.isNaN(v) ? 0 : v;
    }
    return sum;
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> res = fetch(path);
    assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
    return json.readTree(res.body());
  }

  private static HttpResponse<String> fetch(String path) throws Exception {
    URI uri = URI.create(monitoring.url()).resolve(path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
