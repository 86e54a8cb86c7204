package io.newsdesk.ingest.robots;

import static io.newsdesk.ingest.testing.LocalServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsdesk.ingest.TestConfigs;
import io.newsdesk.ingest.fetch.HttpFetcher;
import io.newsdesk.ingest.testing.LocalServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {
  private final LocalServer server = new LocalServer();
  private final RobotsCache robots =
      new RobotsCache(
          new HttpFetcher(TestConfigs.fast(), null),
          "Newsdesk",
          Duration.ofHours(1),
          Clock.systemUTC());

  @AfterEach
  void stop() {
    server.close();
  }

  static final class Rules implements HttpHandler {
    private final String body;

    Rules(String body) {
      this.body = body;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
      respond(ex, 200, "text/plain", body);
    }
  }

  @Test
  void disallowsAPathForOurAgentAndHonoursCrawlDelay() throws Exception {
    server.route(
        "/robots.txt",
        new Rules(
            "User-agent: *\nDisallow: /all\n\nUser-agent: newsdesk\nDisallow: /private\nCrawl-delay: 2\n"));
    assertThat(robots.isAllowed(server.url("/private/x"))).isFalse();
    assertThat(robots.isAllowed(server.url("/news/1"))).isTrue();
    assertThat(robots.crawlDelay(server.url("/"))).contains(Duration.ofSeconds(2));
    robots.isAllowed(server.url("/again"));
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void noCrawlDelayMeansUnset() throws Exception {
    server.route("/robots.txt", new Rules("User-agent: *\nDisallow:\n"));
    assertThat(robots.crawlDelay(server.url("/"))).isEmpty();
  }

  @Test
  void missingRobotsAllowsEverything() throws Exception {
    assertThat(robots.isAllowed(server.url("/anything"))).isTrue();
  }

  @Test
  void manyFetchesOfOneHostAtOnceAskForItsRobotsTxtOnce() throws Exception {
    server.route(
        "/robots.txt",
        ex -> {
          try {
            Thread.sleep(300); // slow enough that all askers arrive while it is in flight
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(ex, 200, "text/plain", "User-agent: *\nDisallow: /private\n");
        });
    int askers = 10;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(askers);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < askers; i++) {
        String url = server.url(i % 2 == 0 ? "/private/" + i : "/news/" + i);
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return robots.isAllowed(url);
                }));
      }
      go.countDown();
      for (int i = 0; i < askers; i++) {
        assertThat(answers.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS))
            .isEqualTo(i % 2 != 0);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
  }
}
