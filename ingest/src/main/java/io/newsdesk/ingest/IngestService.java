package io.newsdesk.ingest;

import io.newsdesk.ingest.feed.ArticleLinks;
import io.newsdesk.ingest.feed.FeedAutodiscovery;
import io.newsdesk.ingest.feed.FeedEntry;
import io.newsdesk.ingest.feed.FeedParseException;
import io.newsdesk.ingest.feed.FeedParser;
import io.newsdesk.ingest.feed.ParsedFeed;
import io.newsdesk.ingest.feed.SitemapReader;
import io.newsdesk.ingest.fetch.FetchException;
import io.newsdesk.ingest.fetch.FetchRequest;
import io.newsdesk.ingest.fetch.FetchResult;
import io.newsdesk.ingest.fetch.HttpFetcher;
import io.newsdesk.ingest.folder.DropFolder;
import io.newsdesk.ingest.publish.DocumentSink;
import io.newsdesk.ingest.publish.PublishException;
import io.newsdesk.ingest.receive.PushReceiver;
import io.newsdesk.ingest.robots.RobotsCache;
import io.newsdesk.ingest.schedule.AdaptiveInterval;
import io.newsdesk.ingest.schedule.HostThrottle;
import io.newsdesk.ingest.schedule.PollScheduler;
import io.newsdesk.ingest.state.SeenSet;
import io.newsdesk.ingest.state.SourceStates;
import io.newsdesk.ingest.url.Redact;
import io.newsdesk.ingest.url.UrlCanonicalizer;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.FeedItem;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.SourceState;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: polls feeds and pages politely, takes pushes and drop-folder files, and
 * publishes each source's documents together with its updated state.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final String STAGE_FEED = "ingest.feed";
  private static final String STAGE_FETCH = "ingest.fetch";

  private final IngestConfig config;
  private final DocumentSink sink;
  private final Clock clock;
  private final List<String> feeds;
  private final List<String> pages;
  private final DropFolder folder;
  private final Integer listenPort;
  private final Map<String, SourceState> states = new ConcurrentHashMap<>();
  private final SeenSet seenUrls;

  /** URLs claimed in {@link #seenUrls} by polls that have not committed them yet. */
  private final Set<String> uncommitted = ConcurrentHashMap.newKeySet();

  private final HostThrottle throttle;
  private final HttpFetcher fetcher;
  private final RobotsCache robots;
  private static final int MAX_CHILD_SITEMAPS = 50;
  private final FeedParser parser = new FeedParser();
  private final SitemapReader sitemaps = new SitemapReader();
  private final List<String> sitemapSources;
  private final Map<String, String> kinds = new ConcurrentHashMap<>();
  private final Map<String, AdaptiveInterval> bounds = new ConcurrentHashMap<>();

  /** Advertised feeds a discovery source reads per poll at most. */
  static final int MAX_DISCOVERED_FEEDS = 3;

  /** Items of one poll committed together at most: a crash mid-poll repeats none of them. */
  static final int ITEMS_PER_COMMIT = 8;

  /**
   * The rest of a feed poll whose items wait for their hosts' politeness delay: instead of a worker
   * sleeping through the delay, the source goes back to the scheduler, due when the first of those
   * hosts is ready, and then fetches what is due without reading the feed again. A per-host delay
   * queue built on the scheduler's queue: workers take whatever is due.
   */
  private record Pending(
      String kind,
      List<FeedEntry> entries,
      Arrival arrival,
      FetchResult listing,
      String hash,
      Duration hint) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  private final AdaptiveInterval intervals;
  private final HttpFetcher.RedirectGuard guard;
  private final ExecutorService workers;

  /**
   * Fetch the items of polls, one chain of a host's items per task: tasks that never wait on other
   * tasks, so polls waiting for them on {@link #workers} cannot deadlock.
   */
  private final ExecutorService itemWorkers;

  private ScheduledExecutorService dispatcher;
  private PollScheduler scheduler;
  private PushReceiver receiver;
  private volatile boolean started;
  private volatile boolean catalogOnly;

  private IngestService(Builder b) {
    this.config = b.config;
    this.sink = b.sink;
    this.clock = b.clock;
    this.feeds = List.copyOf(new LinkedHashSet<>(b.feeds));
    this.pages = List.copyOf(new LinkedHashSet<>(b.pages));
    this.sitemapSources = List.copyOf(new LinkedHashSet<>(b.sitemaps));
    pages.forEach(p -> kinds.put(p, "page"));
    sitemapSources.forEach(m -> kinds.put(m, "sitemap"));
    feeds.forEach(f -> kinds.put(f, "feed"));
    this.folder =
        b.watchDir == null
            ? null
            : new DropFolder(
                b.watchDir,
                config.maxBodyBytes(),
                Math.max(config.maxSeenPerSource(), 100_000),
                config.maxFolderFiles(),
                config.maxFolderBytes());
    this.listenPort = b.listenPort;
    this.seenUrls = new SeenSet(config.maxSeenGlobal());
    b.initialState.forEach((k, v) -> states.put(k, SourceStates.copy(v)));
    for (SourceState s : states.values()) {
      for (String key : s.getSeen()) {
        if (!key.startsWith("id:") && !s.getKind().equals("folder")) {
          seenUrls.claim(key);
        }
      }
    }
    this.throttle = new HostThrottle(config.perHostMinDelay(), config.perHostConnections());
    this.fetcher = new HttpFetcher(config, throttle);
    this.robots =
        new RobotsCache(fetcher, config.robotsAgentName(), config.robotsCacheTtl(), clock);
    this.guard = config.respectRobots() ? robots::isAllowed : url -> true;
    this.intervals = new AdaptiveInterval(config.minPollInterval(), config.maxPollInterval());
    this.workers = pool(config.maxConcurrentFetches(), "newsdesk-ingest-");
    this.itemWorkers = pool(config.maxConcurrentFetches(), "newsdesk-ingest-item-");
  }

  private static ThreadPoolExecutor pool(int size, String name) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        size,
        size,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, name + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** A builder for a service publishing to {@code sink}. */
  public static Builder builder(IngestConfig config, DocumentSink sink) {
    return new Builder(config, sink);
  }

  /**
   * Polls every source once (feeds and their new items, sitemaps, pages, the drop folder).
   *
   * @throws IllegalStateException in continuous mode, where the scheduler owns the sources
   */
  public IngestSummary runOnce() throws InterruptedException {
    if (started) {
      throw new IllegalStateException("runOnce() is for one-shot mode; the service was started");
    }
    long t0 = System.nanoTime();
    List<Future<PollOutcome>> futures = new ArrayList<>();
    for (String f : feeds) {
      futures.add(workers.submit(() -> pollFeed(f)));
    }
    for (String p : pages) {
      futures.add(workers.submit(() -> pollPage(p)));
    }
    for (String m : sitemapSources) {
      futures.add(workers.submit(() -> pollSitemap(m)));
    }
    if (folder != null) {
      futures.add(workers.submit(this::drainFolder));
    }
    List<PollOutcome> outcomes = new ArrayList<>();
    for (Future<PollOutcome> f : futures) {
      try {
        outcomes.add(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error fatal) {
          // Fail fast: an Error (out of memory above all) leaves the process in no state to go
          // on, and a one-shot run that went on would report that nothing came in as if the
          // sources had nothing new. What the poll took is unpublished, so a rerun takes it.
          throw new IllegalStateException(
              "ingest stopped: a poll failed with "
                  + fatal
                  + "; nothing of that poll was published",
              fatal);
        }
        LOG.error("Poll failed unexpectedly", e.getCause());
        outcomes.add(
            new PollOutcome("?", "?", "failed", 0, 0, 0, 0, 1, 0, String.valueOf(e.getCause())));
      }
    }
    return new IngestSummary(
        outcomes, metrics(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  /**
   * Starts continuous mode without the feeds, sitemaps and pages given to the builder: what to poll
   * comes through {@link #watch} (the sources catalog); the drop folder and push receiver start.
   */
  public synchronized void startCatalogOnly() throws IOException {
    catalogOnly = true;
    kinds.clear();
    start();
  }

  /** Starts continuous mode: adaptive polling, the drop folder and the push receiver. */
  public synchronized void start() throws IOException {
    if (started) {
      return;
    }
    dispatcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "newsdesk-ingest-scheduler");
              t.setDaemon(true);
              return t;
            });
    scheduler =
        new PollScheduler(
            dispatcher,
            workers,
            config.maxConcurrentFetches() * 2,
            this::pollForSchedule,
            this::hostReadyIn,
            clock,
            Duration.ofMillis(Math.min(250, config.minPollInterval().toMillis())));
    long now = clock.millis();
    if (!catalogOnly) {
      for (String f : feeds) {
        scheduler.add(f, dueAt(f, now));
      }
      for (String p : pages) {
        scheduler.add(p, dueAt(p, now));
      }
      for (String m : sitemapSources) {
        scheduler.add(m, dueAt(m, now));
      }
    }
    if (folder != null) {
      scheduler.add(folder.source(), now);
    }
    if (listenPort != null) {
      receiver = new PushReceiver(config, listenPort, sink, clock, () -> started).start();
    }
    started = true;
    scheduler.start();
    LOG.info(
        "Ingest started: {} feeds, {} pages, folder {}, push port {}",
        feeds.size(),
        pages.size(),
        folder == null ? "none" : folder.dir(),
        receiver == null ? "none" : receiver.port());
  }

  /** The push receiver's port once started, if one was configured. */
  public Optional<Integer> pushPort() {
    return receiver == null ? Optional.empty() : Optional.of(receiver.port());
  }

  /**
   * Starts watching a source (or applies its changed kind and interval bounds) while running: the
   * source is due at once when new or changed, else when its stored state says. Null bounds take
   * the configured ones.
   */
  public void watch(String url, String kind, Duration minInterval, Duration maxInterval) {
    String k = kind == null ? "feed" : kind;
    Duration min = minInterval != null ? minInterval : config.minPollInterval();
    Duration max = maxInterval != null ? maxInterval : config.maxPollInterval();
    if (max.compareTo(min) < 0) {
      max = min;
    }
    AdaptiveInterval b = new AdaptiveInterval(min, max);
    String oldKind = kinds.put(url, k);
    AdaptiveInterval old = bounds.put(url, b);
    PollScheduler s = scheduler;
    if (s == null) {
      throw new IllegalStateException("watch() needs a started service");
    }
    long now = clock.millis();
    boolean changed = oldKind != null && (!oldKind.equals(k) || !b.equals(old));
    if (!s.contains(url)) {
      // A source (re)added starts from its state, not from the rest of an earlier poll.
      pending.remove(url);
      s.add(url, dueAt(url, now, b));
    } else if (changed) {
      s.reschedule(url, now);
    }
  }

  /** Stops watching a source: it is not polled again (a poll in flight finishes). */
  public void unwatch(String url) {
    PollScheduler s = scheduler;
    if (s != null) {
      s.remove(url);
    }
    pending.remove(url);
    kinds.remove(url);
    bounds.remove(url);
  }

  /** The sources watched now. */
  public Set<String> watched() {
    return Set.copyOf(kinds.keySet());
  }

  /**
   * Waits until no poll of these sources is in flight, e.g. before handing them to another
   * instance; false on timeout.
   */
  public boolean awaitIdle(Collection<String> urls, Duration timeout) throws InterruptedException {
    PollScheduler s = scheduler;
    return s == null || s.awaitIdle(urls, timeout);
  }

  /**
   * Takes over stored state (e.g. re-read from the state topic when sources move to this instance
   * from another): sources this instance polls now keep their own, newer state.
   */
  public void adoptStates(Map<String, SourceState> stored) {
    PollScheduler s = scheduler;
    stored.forEach(
        (k, v) -> {
          if (s == null || !s.contains(k)) {
            states.put(k, SourceStates.copy(v));
            if (!v.getKind().equals("folder")) {
              for (String seen : v.getSeen()) {
                if (!seen.startsWith("id:")) {
                  seenUrls.claim(seen);
                }
              }
            }
          }
        });
  }

  /** Current metrics per source, sorted by source. */
  public Map<String, SourceMetrics> metrics() {
    Map<String, SourceMetrics> out = new TreeMap<>();
    states.forEach((k, v) -> out.put(k, SourceMetrics.of(v)));
    return out;
  }

  /** A copy of the current state of a source. */
  public Optional<SourceState> state(String source) {
    SourceState s = states.get(key(source));
    return s == null ? Optional.empty() : Optional.of(SourceStates.copy(s));
  }

  private long dueAt(String source, long now) {
    SourceState s = states.get(key(source));
    return s == null ? now : Math.max(now, s.getNextPollAt());
  }

  /** Due per the stored state, but no later than one maximum interval of the given bounds. */
  private long dueAt(String source, long now, AdaptiveInterval b) {
    SourceState s = states.get(key(source));
    if (s == null) {
      return now;
    }
    return Math.max(now, Math.min(s.getNextPollAt(), now + b.max().toMillis()));
  }

  private AdaptiveInterval intervals(String source) {
    return bounds.getOrDefault(source, intervals);
  }

  private Duration hostReadyIn(String source) {
    Pending rest = pending.get(source);
    if (rest != null) {
      return itemsReadyIn(rest.entries());
    }
    return readyIn(source);
  }

  private Duration readyIn(String url) {
    if (url == null || !url.startsWith("http")) {
      return Duration.ZERO;
    }
    try {
      return throttle.readyIn(URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return Duration.ZERO;
    }
  }

  /** How long until the first host of these items is ready (zero when one is now). */
  private Duration itemsReadyIn(List<FeedEntry> entries) {
    Duration first = null;
    for (FeedEntry e : entries) {
      Duration d = readyIn(e.link());
      if (d.isZero()) {
        return d;
      }
      first = first == null || d.compareTo(first) < 0 ? d : first;
    }
    return first == null ? Duration.ZERO : first;
  }

  private long pollForSchedule(String source) throws Exception {
    if (folder != null && source.equals(folder.source())) {
      // A full batch left files behind: the next batch is due at once, not in 2 s.
      return clock.millis() + (pollFolder().more() ? 0 : 2000);
    }
    Pending rest = pending.remove(source);
    if (rest != null && kinds.containsKey(source)) {
      resume(source, rest);
      SourceState s = states.get(key(source));
      return s == null ? clock.millis() : s.getNextPollAt();
    }
    switch (kinds.getOrDefault(source, "feed")) {
      case "page" -> pollPage(source);
      case "discovery" -> pollDiscovery(source);
      case "sitemap" -> pollSitemap(source);
      default -> pollFeed(source);
    }
    SourceState s = states.get(key(source));
    // No state: this source's first poll could not publish (a rebalance of the sources group, a
    // broker away). Nothing of it is recorded, so poll it again soon (its minimum interval, as
    // a source with state whose publish failed), not after the default interval, which may lie
    // far beyond the source's own bounds (15 min against a feed watched every second).
    return s == null
        ? clock.millis() + intervals(source).min().toMillis()
        : Math.min(s.getNextPollAt(), clock.millis() + intervals(source).max().toMillis());
  }

  private SourceState stateFor(String source, String kind) {
    SourceState s = states.get(key(source));
    SourceState out =
        s == null
            ? SourceStates.initial(key(source), kind, initialInterval(source).toMillis())
            : SourceStates.copy(s);
    out.setLastPollAt(clock.millis());
    return out;
  }

  private Duration initialInterval(String source) {
    AdaptiveInterval b = bounds.get(source);
    if (b == null) {
      return config.defaultPollInterval();
    }
    Duration d = config.defaultPollInterval();
    return d.compareTo(b.min()) < 0 ? b.min() : d.compareTo(b.max()) > 0 ? b.max() : d;
  }

  /** Fetches the items of a feed poll that waited for their hosts, without reading it again. */
  private PollOutcome resume(String feedUrl, Pending rest) throws InterruptedException {
    SourceState st = stateFor(feedUrl, rest.kind());
    return processEntries(
        feedUrl,
        rest.kind(),
        rest.entries(),
        rest.arrival(),
        st,
        rest.listing(),
        rest.hash(),
        clock.millis(),
        rest.hint(),
        List.of());
  }

  /** Polls one feed: fetch, parse, fetch each new item's page, publish all with the state. */
  PollOutcome pollFeed(String feedUrl) throws InterruptedException {
    return pollListing(feedUrl, "feed");
  }

  /**
   * Polls a site's home or section page: the article links on it and the items of the feeds it
   * advertises ({@code <link rel="alternate">}, at most {@link #MAX_DISCOVERED_FEEDS}) are fetched
   * like a feed's items, each new one once.
   */
  PollOutcome pollDiscovery(String pageUrl) throws InterruptedException {
    return pollListing(pageUrl, "discovery");
  }

  /** Polls one sitemap (or sitemap index) like a feed: its new URLs are fetched as pages. */
  PollOutcome pollSitemap(String sitemapUrl) throws InterruptedException {
    return pollListing(sitemapUrl, "sitemap");
  }

  private PollOutcome pollListing(String feedUrl, String kind) throws InterruptedException {
    SourceState st = stateFor(feedUrl, kind);
    long now = clock.millis();
    FetchException refused = fetcher.refusal(feedUrl);
    if (refused != null) {
      return feedFailed(st, feedUrl, refused, now);
    }
    if (config.respectRobots()) {
      if (!robots.isAllowed(feedUrl)) {
        LOG.info("Feed {} disallowed by robots.txt; skipped", Redact.url(feedUrl));
        SourceStates.increment(st, SourceStates.DISALLOWED, 1);
        st.setNextPollAt(now + config.maxPollInterval().toMillis());
        commit(st, List.of(), List.of(), List.of());
        return new PollOutcome(feedUrl, kind, "disallowed", 0, 0, 0, 1, 0, 0, null);
      }
      applyCrawlDelay(feedUrl);
    }
    FetchResult r;
    try {
      r = fetcher.fetch(new FetchRequest(feedUrl, st.getEtag(), st.getLastModified()), guard);
    } catch (FetchException e) {
      return feedFailed(st, feedUrl, e, now);
    }
    SourceStates.increment(st, SourceStates.FETCHED, 1);
    String hash = r.notModified() ? null : Ids.sha256Hex(r.body());
    if (r.notModified() || hash.equals(st.getContentHash())) {
      // Same bytes despite changed validators count as not modified too.
      SourceStates.increment(st, SourceStates.NOT_MODIFIED, 1);
      if (st.getLastError() != null && st.getLastError().startsWith("malformed")) {
        // Still the same broken document: keep reporting it (dead-lettered once already).
        recordFailure(st, st.getLastError(), now, null);
        boolean ok = commit(st, List.of(), List.of(), List.of());
        return new PollOutcome(
            feedUrl, kind, ok ? "failed" : "publish-failed", 0, 0, 0, 0, 1, 0, st.getLastError());
      }
      markSuccess(st, r, hash, now);
      Duration next =
          intervals(feedUrl).afterSuccess(Duration.ofMillis(st.getIntervalMs()), 0, null);
      schedule(st, next, now);
      boolean ok = commit(st, List.of(), List.of(), List.of());
      return new PollOutcome(
          feedUrl, kind, ok ? "not-modified" : "publish-failed", 0, 0, 0, 0, 0, 0, null);
    }
    List<FeedEntry> entries;
    Duration hint = null;
    List<DeadLetter> childDead = new ArrayList<>();
    try {
      if (kind.equals("sitemap")) {
        entries = sitemapEntries(feedUrl, r, childDead, now);
      } else if (kind.equals("discovery")) {
        entries = discoveredEntries(feedUrl, r);
      } else {
        ParsedFeed feed = parser.parse(r.body(), r.headers().get("content-type"), r.finalUrl());
        if (!feed.warnings().isEmpty()) {
          LOG.debug("Feed {} needed repairs: {}", Redact.url(feedUrl), feed.warnings());
        }
        entries = feed.entries();
        hint = feed.suggestedInterval();
      }
    } catch (FeedParseException e) {
      LOG.warn("{} {} is malformed: {}", kind, Redact.url(feedUrl), Redact.text(e.getMessage()));
      DeadLetter dl =
          RawDocuments.deadLetter(
              STAGE_FEED,
              "malformed " + kind + ": " + e.getMessage(),
              e,
              r.body(),
              feedUrl,
              feedUrl,
              now,
              Map.of("contentType", String.valueOf(r.contentType())));
      recordFailure(st, "malformed " + kind + ": " + e.getMessage(), now, null);
      st.setContentHash(hash);
      boolean ok = commit(st, List.of(), List.of(dl), List.of());
      return new PollOutcome(
          feedUrl,
          kind,
          ok ? "failed" : "publish-failed",
          0,
          0,
          0,
          0,
          1,
          ok ? 1 : 0,
          e.getMessage());
    }
    return processEntries(
        feedUrl,
        kind,
        entries,
        kind.equals("sitemap")
            ? Arrival.SITEMAP
            : kind.equals("discovery") ? Arrival.PAGE : Arrival.FEED,
        st,
        r,
        hash,
        now,
        hint,
        childDead);
  }

  /** A discovery page's article links, then the items of the feeds it advertises. */
  private List<FeedEntry> discoveredEntries(String pageUrl, FetchResult r)
      throws InterruptedException {
    String base = r.finalUrl() != null ? r.finalUrl() : pageUrl;
    String html =
        new String(
            r.body(),
            io.newsdesk.ingest.fetch.Charsets.forNameOrUtf8(
                io.newsdesk.ingest.fetch.Charsets.detect(r.body(), r.contentType())));
    Map<String, FeedEntry> byLink = new java.util.LinkedHashMap<>();
    for (FeedEntry e : ArticleLinks.find(html, base, config.maxItemsPerPoll())) {
      byLink.putIfAbsent(e.link(), e);
    }
    List<String> feedsAdvertised = FeedAutodiscovery.discover(html, base);
    for (String feedUrl :
        feedsAdvertised.subList(0, Math.min(MAX_DISCOVERED_FEEDS, feedsAdvertised.size()))) {
      try {
        if (fetcher.refusal(feedUrl) != null
            || (config.respectRobots() && !robots.isAllowed(feedUrl))) {
          continue;
        }
        FetchResult f = fetcher.fetch(FetchRequest.of(feedUrl), guard);
        for (FeedEntry e :
            parser.parse(f.body(), f.headers().get("content-type"), f.finalUrl()).entries()) {
          if (e.link() != null) {
            byLink.putIfAbsent(e.link(), e);
          }
        }
      } catch (FetchException | FeedParseException e) {
        // The page's own links still count; the feed is read again on the next poll.
        LOG.info(
            "Feed {} advertised by {} not read: {}",
            Redact.url(feedUrl),
            Redact.url(pageUrl),
            Redact.text(e.getMessage()));
      }
    }
    return new ArrayList<>(byLink.values());
  }

  private List<FeedEntry> sitemapEntries(String url, FetchResult r, List<DeadLetter> dead, long now)
      throws FeedParseException, InterruptedException {
    SitemapReader.Sitemap sm = sitemaps.parse(r.body(), r.contentType(), r.finalUrl());
    if (!sm.index()) {
      return newestFirst(sm.entries());
    }
    List<SitemapReader.Entry> all = new ArrayList<>();
    int budget = MAX_CHILD_SITEMAPS;
    for (String child : sm.sitemaps()) {
      if (budget-- <= 0) {
        break;
      }
      try {
        FetchException refused = fetcher.refusal(child);
        if (refused != null) {
          dead.add(fetchDeadLetter(refused, url, now));
          continue;
        }
        if (config.respectRobots() && !robots.isAllowed(child)) {
          continue;
        }
        FetchResult cr = fetcher.fetch(FetchRequest.of(child), guard);
        all.addAll(sitemaps.parse(cr.body(), cr.contentType(), cr.finalUrl()).entries());
      } catch (FetchException e) {
        LOG.warn(
            "Child sitemap {} of {} failed: {}",
            Redact.url(child),
            Redact.url(url),
            Redact.text(e.getMessage()));
      } catch (FeedParseException e) {
        dead.add(
            RawDocuments.deadLetter(
                STAGE_FEED,
                "malformed sitemap: " + e.getMessage(),
                e,
                new byte[0],
                Redact.secrets(child),
                key(url),
                now,
                Map.of()));
      }
    }
    return newestFirst(all);
  }

  private static List<FeedEntry> newestFirst(List<SitemapReader.Entry> entries) {
    List<SitemapReader.Entry> sorted = new ArrayList<>(entries);
    sorted.sort(
        java.util.Comparator.comparing(
                (SitemapReader.Entry e) ->
                    e.newsPublished() != null
                        ? e.newsPublished()
                        : e.lastModified() != null ? e.lastModified() : Long.MIN_VALUE)
            .reversed());
    return sorted.stream().map(SitemapReader.Entry::toFeedEntry).toList();
  }

  /** Fetches the pages of entries not seen before and publishes them with the source's state. */
  private PollOutcome processEntries(
      String feedUrl,
      String kind,
      List<FeedEntry> entries,
      Arrival arrival,
      SourceState st,
      FetchResult r,
      String hash,
      long now,
      Duration hint,
      List<DeadLetter> earlierDeadLetters)
      throws InterruptedException {
    Set<String> seen = SourceStates.seen(st);
    List<RawDocument> docs = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>(earlierDeadLetters);
    List<String> claimed = new ArrayList<>();
    List<String> newSeen = new ArrayList<>();
    int newItems = 0;
    int duplicates = 0;
    int disallowed = 0;
    int failures = 0;
    int retriable = 0;
    int budget = config.maxItemsPerPoll();
    // Continuous mode: items whose host is in its politeness delay wait in the scheduler's queue.
    List<FeedEntry> later = new ArrayList<>();
    int counted = 0;
    int published = 0;
    int deadPublished = 0;
    // 1. In feed order, what each entry needs: already seen, refused by its scheme, feed content
    //    only, a duplicate of another source, waiting for its host, or a fetch.
    List<Step> steps = new ArrayList<>();
    for (FeedEntry e : entries) {
      if (budget-- <= 0) {
        break;
      }
      // Keys for the seen list (state topic): credentials in the link kept only as a hash.
      String idKey = e.identity() == null ? null : "id:" + Redact.keyed(e.identity());
      String canonical =
          e.link() == null ? null : Redact.keyed(UrlCanonicalizer.canonicalizeOrNull(e.link()));
      // A link that is no http(s) URL (gopher:, ftp:, data:...) is remembered by its hash.
      String refKey =
          canonical == null && e.link() != null && !e.link().isBlank()
              ? "ref:" + Ids.sha256Hex(e.link().getBytes(StandardCharsets.UTF_8))
              : null;
      if ((idKey != null && seen.contains(idKey))
          || (canonical != null && seen.contains(canonical))
          || (refKey != null && seen.contains(refKey))) {
        continue;
      }
      if (idKey == null && canonical == null) {
        continue;
      }
      FeedItem item = RawDocuments.item(feedUrl, e);
      if (refKey != null) {
        // A link that names another scheme (gopher:, ftp:, data:...): refused, not fetched.
        FetchException refused = fetcher.refusal(e.link());
        if (refused != null) {
          steps.add(Step.done(e, idKey, refKey, item, ItemResult.refused(refused)));
          continue;
        }
      }
      if (canonical == null) {
        // An item without a fetchable link: its feed content is all there is.
        steps.add(Step.done(e, idKey, null, item, ItemResult.FEED_ONLY));
        continue;
      }
      if (!claim(canonical)) {
        // Another source of this process publishes it. Only the publisher records it as seen:
        // if that source crashes before its commit, this one must still see the item as new.
        // While that poll has not committed, this one must not record the feed as read either
        // (its validators would hide the item from the next poll once the feed stops changing).
        steps.add(
            Step.done(
                e,
                idKey,
                canonical,
                item,
                uncommitted.contains(canonical) ? ItemResult.BUSY : ItemResult.DUPLICATE));
        continue;
      }
      String host = hostOf(canonical);
      if (started && host != null && !throttle.readyIn(host).isZero()) {
        // The host is in its politeness delay: fetch it when it is due, not by sleeping here.
        release(canonical);
        later.add(e);
        budget++;
        continue;
      }
      steps.add(Step.fetch(e, idKey, canonical, host, item));
    }
    // 2. The fetches, concurrently across hosts: one chain per host takes that host's items in
    //    feed order (one request in flight per host, its politeness delay kept by the throttle),
    //    so items on hosts that stall wait for their own deadline only, not for each other's.
    LookAhead lookAhead = new LookAhead(config.maxLookAheadItems(), config.maxLookAheadBytes());
    List<ItemChain> chains = startChains(steps, lookAhead);
    // 3. The outcomes in feed order, committed every ITEMS_PER_COMMIT documents: what is
    //    published, and the state recording it as seen, depend on the feed alone, not on which
    //    host answered first; an item is marked seen only in the commit that publishes it (or
    //    its dead letter), so a crash mid-poll neither repeats nor loses one.
    int applied = 0;
    try {
      for (; applied < steps.size(); applied++) {
        boolean handedOver = catalogOnly && !kinds.containsKey(feedUrl);
        if (docs.size() >= ITEMS_PER_COMMIT || handedOver) {
          // Commit as the poll goes on: these items and the state recording them as seen, with
          // the old validators, so a crash now neither repeats them nor loses the rest.
          SourceStates.addSeen(st, newSeen, config.maxSeenPerSource());
          SourceStates.increment(st, SourceStates.NEW_ITEMS, newItems - counted);
          counted = newItems;
          if (!commit(SourceStates.copy(st), docs, dead, claimed)) {
            return new PollOutcome(
                feedUrl,
                kind,
                "publish-failed",
                published,
                newItems,
                duplicates,
                disallowed,
                failures,
                deadPublished,
                null);
          }
          published += docs.size();
          deadPublished += dead.size();
          docs.clear();
          dead.clear();
          claimed.clear();
          newSeen.clear();
          if (handedOver) {
            // No longer this instance's source (removed, or its partition moved to another
            // instance): stop here; the old validators make the new owner read the rest.
            return new PollOutcome(
                feedUrl,
                kind,
                "handed-over",
                published,
                newItems,
                duplicates,
                disallowed,
                failures,
                deadPublished,
                null);
          }
        }
        Step s = steps.get(applied);
        ItemResult res = s.result.get();
        lookAhead.applied(applied, Math.max(0, s.heldBytes), s.heldBytes >= 0);
        String canonical = s.canonical;
        String idKey = s.idKey;
        switch (res.kind()) {
          case FEED_ONLY -> {
            docs.add(feedOnlyDocument(feedUrl, s.entry, s.item, r, idKey));
            newSeen.add(idKey);
            newItems++;
          }
          case DUPLICATE -> duplicates++;
          case BUSY -> {
            // Claimed by a poll still in flight: counted as a duplicate, but the validators are
            // forgotten so that the next poll looks at the item again if that poll fails.
            duplicates++;
            retriable++;
          }
          case REFUSED -> {
            // Refused before any connection: blocked address, no host, or not http(s).
            LOG.warn(
                "Item {} of feed {} refused: {}",
                Redact.url(s.entry.link()),
                Redact.url(feedUrl),
                Redact.text(res.error().getMessage()));
            failures++;
            dead.add(fetchDeadLetter(res.error(), feedUrl, now));
            // Handled: neither dead-lettered again nor fetched at the next poll, guid or not.
            addKeys(newSeen, idKey, canonical);
            if (s.fetching) {
              claimed.add(canonical);
            }
          }
          case DISALLOWED -> {
            LOG.info(
                "Item {} of feed {} disallowed by robots.txt; skipped",
                Redact.url(canonical),
                Redact.url(feedUrl));
            disallowed++;
            addKeys(newSeen, idKey, canonical);
            claimed.add(canonical);
          }
          case FETCHED -> {
            docs.add(RawDocuments.fromFetch(key(feedUrl), canonical, res.page(), arrival, s.item));
            addKeys(newSeen, idKey, canonical);
            claimed.add(canonical);
            newItems++;
          }
          case LATER -> {
            // The host's politeness delay began with this poll's earlier item: wait in the queue.
            release(canonical);
            later.add(s.entry);
          }
          case DEFERRED, SKIPPED -> {
            // That host timed out or asked us to wait in this poll (or the poll stopped): the
            // item waits for the next poll.
            release(canonical);
            retriable++;
          }
          case ERROR -> {
            // A bug on one item must not lose the others: this item is retried on the next poll.
            LOG.error(
                "Item {} of feed {} failed unexpectedly, will retry",
                Redact.url(canonical),
                Redact.url(feedUrl),
                res.bug());
            failures++;
            release(canonical);
            retriable++;
          }
          case FAILED -> {
            FetchException ex = res.error();
            failures++;
            int tried = ex.isRetriable() ? retriesSoFar(seen, canonical) : 0;
            int retries = config.itemRetries();
            if (ex.isRetriable() && tried < retries) {
              if (tried == 0 && ex.timedOut()) {
                // A stalled, trickling or endless body is reported within the fetch deadline,
                // not only after the last retry: a dead letter saying it will be tried again.
                DeadLetter letter = fetchDeadLetter(ex, feedUrl, now);
                letter.getAttributes().put("attempts", "1");
                letter.getAttributes().put("retries_left", String.valueOf(retries));
                dead.add(letter);
              }
              LOG.info(
                  "Item {} of feed {} failed, will retry at the next poll ({} of {}): {}",
                  Redact.url(canonical),
                  Redact.url(feedUrl),
                  tried + 1,
                  retries,
                  Redact.text(ex.getMessage()));
              release(canonical);
              retriable++;
              newSeen.add(retryKey(tried + 1, canonical));
            } else {
              // Permanent (404, too_large, decompression_limit...) or out of retries (a server
              // that never answers, trickles or stays busy): a dead letter; the item is handled.
              LOG.warn(
                  "Item {} of feed {} failed after {} tries, dead-lettered: {}",
                  Redact.url(canonical),
                  Redact.url(feedUrl),
                  tried + 1,
                  Redact.text(ex.getMessage()));
              DeadLetter letter = fetchDeadLetter(ex, feedUrl, now);
              letter.getAttributes().put("attempts", String.valueOf(tried + 1));
              dead.add(letter);
              addKeys(newSeen, idKey, canonical);
              claimed.add(canonical);
            }
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("an item future failed", e.getCause());
    } finally {
      if (applied < steps.size()) {
        // Stopped early (publish failed, handed over, interrupted): the items not applied stay
        // unseen, so the next poll, here or at the new owner, takes them.
        for (ItemChain c : chains) {
          c.stop();
        }
        lookAhead.drainParked().forEach(Runnable::run);
        for (int i = applied; i < steps.size(); i++) {
          Step s = steps.get(i);
          if (s.fetching) {
            release(s.canonical);
          }
        }
      }
    }
    SourceStates.addSeen(st, newSeen, config.maxSeenPerSource());
    SourceStates.increment(st, SourceStates.NEW_ITEMS, newItems - counted);
    SourceStates.increment(st, SourceStates.DUPLICATES, duplicates);
    SourceStates.increment(st, SourceStates.DISALLOWED, disallowed);
    SourceStates.increment(st, SourceStates.FAILURES, failures);
    if (!later.isEmpty()) {
      // Items wait for their hosts: until they are in, keep the old validators (a new owner
      // after a crash reads the feed again and finds them unseen), and come back when a host is
      // ready. The interval stays as it is.
      st.setLastSuccessAt(now);
      st.setConsecutiveFailures(0);
      st.setLastError(null);
      st.setNextPollAt(now + Math.max(1, itemsReadyIn(later).toMillis()));
      if (!catalogOnly || kinds.containsKey(feedUrl)) {
        // Not for a source unwatched meanwhile: a stale rest would be resumed if it came back.
        pending.put(feedUrl, new Pending(kind, List.copyOf(later), arrival, r, hash, hint));
      }
    } else {
      markSuccess(st, r, hash, now);
      if (retriable > 0) {
        // Forget the validators so the next poll reads the feed again and retries those items.
        st.setEtag(null);
        st.setLastModified(null);
        st.setContentHash(null);
      }
      Duration next =
          intervals(feedUrl).afterSuccess(Duration.ofMillis(st.getIntervalMs()), newItems, hint);
      schedule(st, next, now);
    }
    boolean ok = commit(st, docs, dead, claimed);
    if (!ok) {
      pending.remove(feedUrl);
    }
    LOG.debug(
        "Feed {}: {} new, {} duplicates, {} failed",
        Redact.url(feedUrl),
        newItems,
        duplicates,
        failures);
    return new PollOutcome(
        feedUrl,
        kind,
        ok ? "ok" : "publish-failed",
        published + (ok ? docs.size() : 0),
        newItems,
        duplicates,
        disallowed,
        failures,
        deadPublished + (ok ? dead.size() : 0),
        null);
  }

  /** Polls one page URL: published again only when its bytes changed. */
  PollOutcome pollPage(String pageUrl) throws InterruptedException {
    SourceState st = stateFor(pageUrl, "page");
    long now = clock.millis();
    String canonical = UrlCanonicalizer.canonicalizeOrNull(pageUrl);
    if (canonical == null) {
      recordFailure(st, "malformed URL", now, null);
      commit(st, List.of(), List.of(), List.of());
      return new PollOutcome(pageUrl, "page", "failed", 0, 0, 0, 0, 1, 0, "malformed URL");
    }
    FetchException refused = fetcher.refusal(pageUrl);
    if (refused != null) {
      return feedFailed(st, pageUrl, refused, now);
    }
    if (config.respectRobots()) {
      if (!robots.isAllowed(canonical)) {
        LOG.info("Page {} disallowed by robots.txt; skipped", Redact.url(pageUrl));
        SourceStates.increment(st, SourceStates.DISALLOWED, 1);
        st.setNextPollAt(now + config.maxPollInterval().toMillis());
        commit(st, List.of(), List.of(), List.of());
        return new PollOutcome(pageUrl, "page", "disallowed", 0, 0, 0, 1, 0, 0, null);
      }
      applyCrawlDelay(canonical);
    }
    FetchResult r;
    try {
      r = fetcher.fetch(new FetchRequest(pageUrl, st.getEtag(), st.getLastModified()), guard);
    } catch (FetchException e) {
      return feedFailed(st, pageUrl, e, now);
    }
    SourceStates.increment(st, SourceStates.FETCHED, 1);
    String hash = r.notModified() ? null : Ids.sha256Hex(r.body());
    List<RawDocument> docs = new ArrayList<>();
    List<String> claimedNow = new ArrayList<>();
    int newItems = 0;
    int duplicates = 0;
    if (r.notModified() || hash.equals(st.getContentHash())) {
      SourceStates.increment(st, SourceStates.NOT_MODIFIED, 1);
    } else {
      boolean firstVersion = st.getContentHash() == null;
      boolean claimed = claim(Redact.keyed(canonical));
      if (claimed) {
        claimedNow.add(Redact.keyed(canonical));
      }
      if (firstVersion && !claimed) {
        // A feed item (or another page source) with the same canonical URL was published already.
        SourceStates.increment(st, SourceStates.DUPLICATES, 1);
        duplicates = 1;
      } else {
        docs.add(RawDocuments.fromFetch(key(pageUrl), canonical, r, Arrival.PAGE, null));
        newItems = 1;
        SourceStates.increment(st, SourceStates.NEW_ITEMS, 1);
        SourceStates.addSeen(st, List.of(Redact.keyed(canonical)), config.maxSeenPerSource());
      }
    }
    if (duplicates == 0) {
      markSuccess(st, r, hash, now);
    } else {
      // Keep the old validators: until the publisher's commit is durable this page is not done.
      st.setLastSuccessAt(now);
    }
    schedule(
        st,
        intervals(pageUrl).afterSuccess(Duration.ofMillis(st.getIntervalMs()), newItems, null),
        now);
    boolean ok = commit(st, docs, List.of(), claimedNow);
    return new PollOutcome(
        pageUrl,
        "page",
        ok ? (newItems == 0 ? "not-modified" : "ok") : "publish-failed",
        ok ? docs.size() : 0,
        newItems,
        duplicates,
        0,
        0,
        0,
        null);
  }

  /** Scans the drop folder once. */
  /** One drop-folder poll: its outcome, and whether its batch bound left files behind. */
  record FolderPoll(PollOutcome outcome, boolean more) {}

  /**
   * Takes the whole drop folder, one bounded batch (one transaction) after another, for one-shot
   * mode; stops at the first batch that fails (its files stay for the next run).
   */
  PollOutcome drainFolder() {
    FolderPoll poll = pollFolder();
    PollOutcome total = poll.outcome();
    while (poll.more() && total.status().equals("ok")) {
      poll = pollFolder();
      PollOutcome o = poll.outcome();
      total =
          new PollOutcome(
              total.source(),
              total.kind(),
              o.status().equals("not-modified") ? total.status() : o.status(),
              total.documents() + o.documents(),
              total.newItems() + o.newItems(),
              0,
              0,
              total.failures() + o.failures(),
              total.deadLetters() + o.deadLetters(),
              o.error());
    }
    return total;
  }

  /**
   * Scans the drop folder once and publishes what the scan took. Failures: a folder that cannot be
   * listed (gone, no permission) is retried at the next poll; a file that cannot be read is retried
   * at the next poll; a file the parser rejects is a dead letter; a failed publish leaves the files
   * untaken, so the next poll takes them again.
   */
  FolderPoll pollFolder() {
    String source = folder.source();
    long now = clock.millis();
    try {
      DropFolder.Scan scan = folder.scan(states.get(source), now);
      if (scan.state() == null) {
        return new FolderPoll(
            new PollOutcome(source, "folder", "not-modified", 0, 0, 0, 0, 0, 0, null), false);
      }
      boolean ok = commit(scan.state(), scan.documents(), scan.deadLetters(), List.of());
      return new FolderPoll(
          new PollOutcome(
              source,
              "folder",
              ok ? "ok" : "publish-failed",
              ok ? scan.documents().size() : 0,
              scan.documents().size(),
              0,
              0,
              scan.deadLetters().size(),
              ok ? scan.deadLetters().size() : 0,
              null),
          ok && scan.more());
    } catch (IOException e) {
      LOG.warn("Cannot scan drop folder {}: {}", folder.dir(), e.getMessage());
      return new FolderPoll(
          new PollOutcome(source, "folder", "failed", 0, 0, 0, 0, 1, 0, e.getMessage()), false);
    }
  }

  private PollOutcome feedFailed(SourceState st, String url, FetchException e, long now) {
    boolean firstFailure = st.getConsecutiveFailures() == 0;
    recordFailure(st, e.getMessage(), now, e.retryAfter());
    List<DeadLetter> dead = new ArrayList<>();
    // Only the first of a run of permanent failures is dead-lettered, not every retry of it.
    if (!e.isRetriable() && firstFailure) {
      dead.add(fetchDeadLetter(e, url, now));
    }
    LOG.warn(
        "Source {} failed ({} in a row), next poll in {} s: {}",
        Redact.url(url),
        st.getConsecutiveFailures(),
        st.getIntervalMs() / 1000,
        Redact.text(e.getMessage()));
    boolean ok = commit(st, List.of(), dead, List.of());
    return new PollOutcome(
        url,
        st.getKind(),
        ok ? "failed" : "publish-failed",
        0,
        0,
        0,
        0,
        1,
        ok ? dead.size() : 0,
        e.getMessage());
  }

  private void recordFailure(SourceState st, String error, long now, Duration retryAfter) {
    st.setConsecutiveFailures(st.getConsecutiveFailures() + 1);
    st.setLastError(error);
    SourceStates.increment(st, SourceStates.FAILURES, 1);
    Duration base = initialInterval(st.getSource());
    Duration next =
        intervals(st.getSource()).afterFailure(base, st.getConsecutiveFailures(), retryAfter);
    st.setNextPollAt(now + next.toMillis());
  }

  /**
   * How many earlier polls tried an item and failed transiently: the seen list holds {@code
   * retry:N:URL} after the N-th such failure.
   */
  private int retriesSoFar(Set<String> seen, String canonical) {
    for (int n = config.itemRetries(); n > 0; n--) {
      if (seen.contains(retryKey(n, canonical))) {
        return n;
      }
    }
    return 0;
  }

  private static String retryKey(int n, String canonical) {
    return "retry:" + n + ":" + canonical;
  }

  private static DeadLetter fetchDeadLetter(FetchException e, String source, long now) {
    Map<String, String> attrs = new LinkedHashMap<>();
    if (e.status() > 0) {
      attrs.put("status", String.valueOf(e.status()));
    }
    if (e.mimeType() != null) {
      attrs.put("mimeType", e.mimeType());
    }
    attrs.put("kind", e.kind().name());
    if (e.code() != null) {
      attrs.put("code", e.code());
    }
    String reason = Redact.secrets(e.getMessage());
    // The first bytes a cut body did send (capped), so the dead letter shows what came.
    return RawDocuments.deadLetter(
        STAGE_FETCH, reason, e, e.received(), Redact.secrets(e.url()), key(source), now, attrs);
  }

  private void markSuccess(SourceState st, FetchResult r, String hash, long now) {
    if (!r.notModified()) {
      st.setEtag(r.etag());
      st.setLastModified(r.lastModified());
      st.setContentHash(hash);
    } else {
      if (r.etag() != null) {
        st.setEtag(r.etag());
      }
      if (r.lastModified() != null) {
        st.setLastModified(r.lastModified());
      }
    }
    st.setLastSuccessAt(now);
    st.setConsecutiveFailures(0);
    st.setLastError(null);
  }

  private void schedule(SourceState st, Duration interval, long now) {
    st.setIntervalMs(interval.toMillis());
    st.setNextPollAt(now + interval.toMillis());
  }

  private RawDocument feedOnlyDocument(
      String feedUrl, FeedEntry e, FeedItem item, FetchResult feedResponse, String idKey) {
    String body = e.content() != null ? e.content() : e.summary() != null ? e.summary() : "";
    return RawDocument.newBuilder()
        .setId(Ids.forUrl(feedUrl + "#" + idKey))
        .setSource(feedUrl)
        .setUrl(feedResponse.finalUrl())
        .setCanonicalUrl(null)
        .setFetchedAt(feedResponse.fetchedAt())
        .setArrival(Arrival.FEED)
        .setHttpStatus(feedResponse.status())
        .setHeaders(new java.util.HashMap<>())
        .setContentType("text/html")
        .setCharset("UTF-8")
        .setBody(java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
        .setItem(item)
        .build();
  }

  /** The key a source is recorded under: its URL with credentials removed. */
  static String key(String source) {
    return Redact.secrets(source);
  }

  /** What became of one item of a poll. */
  private enum ItemKind {
    FEED_ONLY,
    DUPLICATE,
    BUSY,
    REFUSED,
    DISALLOWED,
    FETCHED,
    FAILED,
    DEFERRED,
    LATER,
    SKIPPED,
    ERROR
  }

  /** The outcome of one item: the page fetched, or why not. */
  private record ItemResult(
      ItemKind kind, FetchResult page, FetchException error, RuntimeException bug) {
    static final ItemResult FEED_ONLY = new ItemResult(ItemKind.FEED_ONLY, null, null, null);
    static final ItemResult DUPLICATE = new ItemResult(ItemKind.DUPLICATE, null, null, null);
    static final ItemResult BUSY = new ItemResult(ItemKind.BUSY, null, null, null);
    static final ItemResult DISALLOWED = new ItemResult(ItemKind.DISALLOWED, null, null, null);
    static final ItemResult DEFERRED = new ItemResult(ItemKind.DEFERRED, null, null, null);
    static final ItemResult LATER = new ItemResult(ItemKind.LATER, null, null, null);
    static final ItemResult SKIPPED = new ItemResult(ItemKind.SKIPPED, null, null, null);

    static ItemResult refused(FetchException e) {
      return new ItemResult(ItemKind.REFUSED, null, e, null);
    }

    static ItemResult failed(FetchException e) {
      return new ItemResult(ItemKind.FAILED, null, e, null);
    }

    static ItemResult fetched(FetchResult page) {
      return new ItemResult(ItemKind.FETCHED, page, null, null);
    }

    static ItemResult bug(RuntimeException e) {
      return new ItemResult(ItemKind.ERROR, null, null, e);
    }

    /** The bytes this result keeps in memory until the poll applies it. */
    long heldBytes() {
      if (page != null && page.body() != null) {
        return page.body().length;
      }
      return 0;
    }

    /** A failure that costs the rest of the host's items in this poll their turn. */
    boolean holdsHost() {
      return kind == ItemKind.FAILED && (error.timedOut() || error.retryAfter() != null);
    }
  }

  /**
   * One entry of a poll, in feed order; a fetch's result completes when its host's chain reaches
   * it, every other result at once.
   */
  private static final class Step {
    final FeedEntry entry;
    final String idKey;
    final String canonical;
    final String host;
    final FeedItem item;
    final boolean fetching;
    final java.util.concurrent.CompletableFuture<ItemResult> result =
        new java.util.concurrent.CompletableFuture<>();

    /** Position in the poll, set when the chains start. */
    int index;

    /** Bytes its fetched result holds until applied; -1 when nothing was fetched. */
    volatile long heldBytes = -1;

    private Step(
        FeedEntry entry,
        String idKey,
        String canonical,
        String host,
        FeedItem item,
        boolean fetching) {
      this.entry = entry;
      this.idKey = idKey;
      this.canonical = canonical;
      this.host = host;
      this.item = item;
      this.fetching = fetching;
    }

    static Step done(
        FeedEntry entry, String idKey, String canonical, FeedItem item, ItemResult result) {
      Step s = new Step(entry, idKey, canonical, null, item, false);
      s.result.complete(result);
      return s;
    }

    /** An item to fetch; its URL is claimed in {@link #seenUrls} until the poll applies it. */
    static Step fetch(FeedEntry entry, String idKey, String canonical, String host, FeedItem item) {
      return new Step(entry, idKey, canonical, host, item, true);
    }
  }

  /**
   * One host's items of a poll, fetched one after another on an item worker: the host sees one
   * request at a time (spaced by {@link HostThrottle}); after a timeout or a Retry-After its other
   * items wait for the next poll; in continuous mode an item whose host is in its delay goes back
   * to the scheduler's queue instead of sleeping here.
   */
  private final class ItemChain implements Runnable {
    final String host;
    final List<Step> steps = new ArrayList<>();
    final LookAhead lookAhead;
    volatile boolean stopped;
    volatile Future<?> task;

    /** The chain's next step, and whether a failure holds the host's rest: kept across parks. */
    private int pos;

    private boolean held;

    ItemChain(String host, LookAhead lookAhead) {
      this.host = host;
      this.lookAhead = lookAhead;
    }

    /** Stops the chain (its fetch in flight is interrupted); its items left are skipped. */
    void stop() {
      stopped = true;
      Future<?> t = task;
      if (t != null) {
        t.cancel(true);
      }
    }

    @Override
    public void run() {
      boolean parked = false;
      try {
        for (; pos < steps.size(); pos++) {
          Step s = steps.get(pos);
          if (stopped || Thread.currentThread().isInterrupted()) {
            break;
          }
          if (held) {
            s.result.complete(ItemResult.DEFERRED);
          } else if (started && pos > 0 && host != null && !throttle.readyIn(host).isZero()) {
            s.result.complete(ItemResult.LATER);
          } else if (!lookAhead.enterOrPark(s.index, this::resume)) {
            // Too far ahead of the item the poll waits for: give the worker back until it
            // moves on, rather than hold more pages in memory.
            parked = true;
            return;
          } else {
            ItemResult res = fetchItem(s);
            s.heldBytes = res.heldBytes();
            lookAhead.held(s.index, s.heldBytes);
            s.result.complete(res);
            held = res.holdsHost();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (!parked) {
          skipRest();
        }
      }
    }

    /** Goes on after a park, on a worker again. */
    void resume() {
      if (stopped) {
        skipRest();
        return;
      }
      try {
        task = itemWorkers.submit(this);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        stopped = true;
        skipRest();
      }
    }

    void skipRest() {
      for (Step s : steps) {
        s.result.complete(ItemResult.SKIPPED); // no-op for those done
      }
    }
  }

  /**
   * Starts one chain per host on the item workers, running at most the look-ahead ahead of the item
   * the poll applies next; the poll reads their results in feed order.
   */
  private List<ItemChain> startChains(List<Step> steps, LookAhead lookAhead) {
    Map<String, ItemChain> byHost = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      s.index = i;
      if (s.fetching) {
        String k = s.host == null ? "url " + s.canonical : s.host;
        byHost.computeIfAbsent(k, h -> new ItemChain(s.host, lookAhead)).steps.add(s);
      }
    }
    List<ItemChain> chains = new ArrayList<>(byHost.values());
    for (ItemChain c : chains) {
      try {
        c.task = itemWorkers.submit(c);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        c.stopped = true;
        c.skipRest();
      }
    }
    return chains;
  }

  /** Fetches one item's page: refused, disallowed by robots.txt, fetched or failed. */
  private ItemResult fetchItem(Step s) throws InterruptedException {
    try {
      FetchException refused = fetcher.refusal(s.entry.link());
      if (refused != null) {
        return ItemResult.refused(refused);
      }
      if (config.respectRobots()) {
        String url = UrlCanonicalizer.canonicalizeOrNull(s.entry.link());
        if (!robots.isAllowed(url)) {
          return ItemResult.DISALLOWED;
        }
        applyCrawlDelay(url);
      }
      return ItemResult.fetched(fetcher.fetch(FetchRequest.of(s.entry.link()), guard));
    } catch (FetchException ex) {
      return ItemResult.failed(ex);
    } catch (RuntimeException ex) {
      return ItemResult.bug(ex);
    }
  }

  private static String hostOf(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? null : h.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void addKeys(List<String> out, String idKey, String canonical) {
    if (idKey != null) {
      out.add(idKey);
    }
    if (canonical != null) {
      out.add(canonical);
    }
  }

  private void applyCrawlDelay(String url) throws InterruptedException {
    robots.crawlDelay(url).ifPresent(d -> throttle.setCrawlDelay(URI.create(url).getHost(), d));
  }

  /** Claims a URL for the poll about to publish it; false when another source has it. */
  private boolean claim(String canonical) {
    if (seenUrls.claim(canonical)) {
      uncommitted.add(canonical);
      return true;
    }
    return false;
  }

  /** Gives back a claim whose item this poll did not publish. */
  private void release(String canonical) {
    uncommitted.remove(canonical);
    seenUrls.release(canonical);
  }

  /** Publishes one source's output atomically; the in-memory state moves only on success. */
  private boolean commit(
      SourceState st, List<RawDocument> docs, List<DeadLetter> dead, List<String> claimed) {
    try {
      sink.publish(new DocumentSink.Batch(docs, dead, st));
      states.put(st.getSource(), st);
      claimed.forEach(uncommitted::remove);
      return true;
    } catch (PublishException e) {
      if (e.getCause() instanceof org.apache.kafka.clients.consumer.CommitFailedException) {
        // The sources group moved on (a rebalance): this poll's work goes to the owner now.
        LOG.warn(
            "{} documents of {} not published: the sources group rebalanced ({})",
            docs.size(),
            st.getSource(),
            e.getCause().getMessage());
      } else {
        LOG.error(
            "Could not publish {} documents of {}; they will be fetched again",
            docs.size(),
            st.getSource(),
            e);
      }
      claimed.forEach(this::release);
      return false;
    }
  }

  @Override
  public synchronized void close() {
    started = false;
    if (scheduler != null) {
      scheduler.close();
    }
    if (dispatcher != null) {
      dispatcher.shutdownNow();
    }
    if (receiver != null) {
      receiver.close();
    }
    workers.shutdownNow();
    itemWorkers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
      itemWorkers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fetcher.close();
  }

  /** Builds an {@link IngestService}. */
  public static final class Builder {
    private final IngestConfig config;
    private final DocumentSink sink;
    private final List<String> feeds = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();
    private final List<String> sitemaps = new ArrayList<>();
    private Path watchDir;
    private Integer listenPort;
    private Map<String, SourceState> initialState = Map.of();
    private Clock clock = Clock.systemUTC();

    private Builder(IngestConfig config, DocumentSink sink) {
      this.config = Objects.requireNonNull(config, "config");
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Feed URLs (RSS, Atom, JSON Feed) to poll. */
    public Builder feeds(Collection<String> urls) {
      urls.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(feeds::add);
      return this;
    }

    /** Page URLs to fetch (published when their bytes change). */
    public Builder pages(Collection<String> urls) {
      urls.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(pages::add);
      return this;
    }

    /** Sitemap or sitemap-index URLs (Google News sitemaps included) to poll like feeds. */
    public Builder sitemaps(Collection<String> urls) {
      urls.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(sitemaps::add);
      return this;
    }

    /** The feeds listed in an OPML file (xmlUrl of every outline). */
    public Builder opml(Path file) throws IOException {
      return feeds(io.newsdesk.ingest.feed.OpmlImporter.read(file));
    }

    /** A drop folder to take files from. */
    public Builder watchDir(Path dir) {
      this.watchDir = dir;
      return this;
    }

    /** A port for the push receiver (0 picks a free one); started by {@link #start()}. */
    public Builder listenPort(Integer port) {
      this.listenPort = port;
      return this;
    }

    /** The state loaded at start-up, e.g. from {@code KafkaSourceStateStore.load}. */
    public Builder initialState(Map<String, SourceState> state) {
      this.initialState = Map.copyOf(state);
      return this;
    }

    /** The clock (tests). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public IngestService build() {
      return new IngestService(this);
    }
  }
}
