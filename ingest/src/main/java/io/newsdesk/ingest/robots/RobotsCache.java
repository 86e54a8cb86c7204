package io.newsdesk.ingest.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsdesk.ingest.fetch.FetchException;
import io.newsdesk.ingest.fetch.FetchRequest;
import io.newsdesk.ingest.fetch.FetchResult;
import io.newsdesk.ingest.fetch.HttpFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** robots.txt rules per scheme+host+port, fetched once and kept until they expire. */
public final class RobotsCache {
  private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);

  private static final long FAILURE_TTL_MS = 10 * 60 * 1000L;

  private record Entry(BaseRobotRules rules, long expiresAt) {}

  private final HttpFetcher fetcher;
  private final String agentName;
  private final Duration ttl;
  private final Clock clock;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> loading = new ConcurrentHashMap<>();
  private static final BaseRobotRules NO_RULES =
      new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);

  /**
   * @param agentName the robots.txt agent token, matched in lower case
   */
  public RobotsCache(HttpFetcher fetcher, String agentName, Duration ttl, Clock clock) {
    this.fetcher = fetcher;
    this.agentName = agentName.toLowerCase(Locale.ROOT);
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Whether the rules of the URL's host allow fetching it. */
  public boolean isAllowed(String url) throws InterruptedException {
    return rulesFor(url).isAllowed(url);
  }

  /** The host's Crawl-delay, if it set one. */
  public Optional<Duration> crawlDelay(String url) throws InterruptedException {
    long d = rulesFor(url).getCrawlDelay();
    // crawler-commons reports "no Crawl-delay" as Long.MIN_VALUE (UNSET_CRAWL_DELAY).
    if (d == BaseRobotRules.UNSET_CRAWL_DELAY || d <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(d));
  }

  /** The Sitemap: lines of the URL's host. */
  public List<String> sitemaps(String url) throws InterruptedException {
    return rulesFor(url).getSitemaps();
  }

  /** The rules for the URL's host, fetching robots.txt when not cached or expired. */
  public BaseRobotRules rulesFor(String url) throws InterruptedException {
    String key = robotsUrl(url);
    if (key == null) {
      // No host, or not http(s): nothing to ask; the fetcher's address policy refuses such URLs.
      return NO_RULES;
    }
    Entry e = cache.get(key);
    if (e != null && e.expiresAt > clock.millis()) {
      return e.rules;
    }
    // One robots.txt fetch per host at a time: the others wait for its answer instead of asking
    // too.
    Object lock = loading.computeIfAbsent(key, k -> new Object());
    synchronized (lock) {
      long now = clock.millis();
      e = cache.get(key);
      if (e != null && e.expiresAt > now) {
        return e.rules;
      }
      BaseRobotRules rules = load(key);
      // An unreachable robots.txt blocks the host only briefly, not for a whole TTL.
      long keep = rules.isDeferVisits() ? Math.min(ttl.toMillis(), FAILURE_TTL_MS) : ttl.toMillis();
      cache.put(key, new Entry(rules, now + keep));
      return rules;
    }
  }

  private BaseRobotRules load(String robotsUrl) throws InterruptedException {
    try {
      FetchResult r = fetcher.fetch(FetchRequest.of(robotsUrl));
      return parser.parseContent(
          robotsUrl,
          r.body(),
          r.contentType() == null ? "text/plain" : r.contentType(),
          List.of(agentName));
    } catch (FetchException e) {
      int status = e.status();
      LOG.debug(
          "robots.txt {} unavailable: {}",
          io.newsdesk.ingest.url.Redact.url(robotsUrl),
          io.newsdesk.ingest.url.Redact.text(e.getMessage()));
      // RFC 9309: 4xx means no rules; 5xx or no answer means assume complete disallow for now.
      return parser.failedFetch(status > 0 ? status : 503);
    }
  }

  static String robotsUrl(String url) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (u.getScheme() == null || u.getHost() == null) {
      return null;
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return null;
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    return scheme + "://" + host + (port == -1 ? "" : ":" + port) + "/robots.txt";
  }
}
