package io.newsdesk.ingest.fetch;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.ingest.schedule.HostThrottle;
import io.newsdesk.ingest.url.Redact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs URLs politely and defensively: conditional requests, manual redirects (each hop checked by
 * the address policy again), retries with backoff, a total deadline, size limits, decompression and
 * charset detection. Each exchange connects to the address the policy checked ({@link PinnedHttp}).
 */
public final class HttpFetcher implements AutoCloseable {

  /** Time per fetch (redirects and retries included), in Newsdesk's per-stage timer. */
  private static final Timer FETCH_TIME =
      Timer.builder("newsdesk.stage")
          .description("Time per article in each pipeline stage")
          .tag("stage", "fetch")
          .register(Metrics.globalRegistry);

  private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
  private static final List<String> KEPT_HEADERS =
      List.of(
          "etag",
          "last-modified",
          "content-type",
          "content-language",
          "link",
          "content-encoding",
          "retry-after",
          "location");

  private final IngestConfig config;
  private final HostThrottle throttle;
  private final AddressPolicy policy;
  private final SSLSocketFactory tls;

  /** A fetcher whose requests pass through {@code throttle} (may be null for none). */
  public HttpFetcher(IngestConfig config, HostThrottle throttle) {
    this(config, throttle, new AddressPolicy(config.allowNetworks(), config.allowHosts()));
  }

  /** A fetcher with its own address policy (tests resolve names from a fixed table). */
  public HttpFetcher(IngestConfig config, HostThrottle throttle, AddressPolicy policy) {
    this(config, throttle, policy, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /**
   * A fetcher whose https connections trust what {@code tls} trusts (tests trust their own
   * certificate; production uses the JVM's default trust store).
   */
  public HttpFetcher(
      IngestConfig config, HostThrottle throttle, AddressPolicy policy, SSLSocketFactory tls) {
    this.config = config;
    this.throttle = throttle;
    this.policy = policy;
    this.tls = tls;
  }

  /** Decides whether a redirect target may be fetched (robots.txt rules, for instance). */
  @FunctionalInterface
  public interface RedirectGuard {
    boolean allowed(String url) throws InterruptedException;
  }

  /** GETs a URL, following redirects and retrying transient failures. */
  public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
    return fetch(request, url -> true);
  }

  /** GETs a URL, following only redirects the guard allows. */
  public FetchResult fetch(FetchRequest request, RedirectGuard guard)
      throws FetchException, InterruptedException {
    long t0 = System.nanoTime();
    try {
      return fetchRetrying(request, guard);
    } finally {
      FETCH_TIME.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
  }

  private FetchResult fetchRetrying(FetchRequest request, RedirectGuard guard)
      throws FetchException, InterruptedException {
    FetchException last = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      try {
        return fetchFollowingRedirects(request, guard);
      } catch (FetchException e) {
        last = e;
        if (!e.isRetriable() || attempt == config.maxRetries()) {
          throw e;
        }
        if ((e.retryAfter() != null && !e.retryAfter().isZero()) || e.timedOut()) {
          // Never sleep a worker on a server that asked us to wait or did not answer in time:
          // the caller reschedules the URL for a later poll and the worker moves on.
          throw e;
        }
        Duration wait = backoff(attempt);
        LOG.info(
            "Retrying {} in {} ms after: {} (attempt {})",
            safe(request.url()),
            wait.toMillis(),
            e.getMessage(),
            attempt + 1);
        TimeUnit.MILLISECONDS.sleep(wait.toMillis());
      }
    }
    throw last;
  }

  /** Exponential backoff with full jitter in [half, full] of base * 2^attempt, capped. */
  Duration backoff(int attempt) {
    long base = config.backoffBase().toMillis();
    long max = config.backoffMax().toMillis();
    long exp = base << Math.min(attempt, 20);
    long capped = Math.min(max, exp < 0 ? max : exp);
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }

  private FetchResult fetchFollowingRedirects(FetchRequest request, RedirectGuard guard)
      throws FetchException, InterruptedException {
    String url = request.url();
    Set<String> visited = new HashSet<>();
    long deadline = System.nanoTime() + config.readTimeout().toNanos();
    for (int hop = 0; ; hop++) {
      if (!visited.add(url)) {
        throw FetchException.permanent("redirect loop at " + safe(url), request.url());
      }
      if (hop > config.maxRedirects()) {
        throw FetchException.permanent(
            "more than " + config.maxRedirects() + " redirects", request.url());
      }
      Response r = exchange(url, request, hop == 0, deadline);
      int s = r.status;
      if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
        String location = r.headers.get("location");
        if (location == null || location.isBlank()) {
          throw new FetchException(
              "redirect " + s + " without Location",
              url,
              s,
              null,
              FetchException.Kind.PERMANENT,
              null,
              null);
        }
        url = resolve(url, location.strip());
        // Each hop passes the address policy before robots.txt is asked (a blocked host is
        // blocked_address, not "disallowed by robots.txt").
        FetchException refused = refusal(url);
        if (refused != null) {
          throw FetchException.refused(
              refused.code(),
              refused.code() + ": redirect to " + safe(url) + " refused: " + refused.getMessage(),
              request.url());
        }
        if (!guard.allowed(url)) {
          throw new FetchException(
              "redirect to " + safe(url) + " disallowed by robots.txt",
              request.url(),
              s,
              null,
              FetchException.Kind.PERMANENT,
              null,
              null);
        }
        continue;
      }
      String contentTypeHeader = r.headers.get("content-type");
      String mime = Charsets.mimeType(contentTypeHeader);
      if (s == 304) {
        return new FetchResult(
            request.url(),
            url,
            304,
            r.headers,
            mime,
            null,
            new byte[0],
            System.currentTimeMillis());
      }
      if (s >= 200 && s < 300) {
        byte[] body = decode(r.body, r.headers.get("content-encoding"), url);
        String charset = Charsets.detect(body, contentTypeHeader);
        return new FetchResult(
            request.url(), url, s, r.headers, mime, charset, body, System.currentTimeMillis());
      }
      throw failure(url, s, mime, r.headers.get("retry-after"));
    }
  }

  private static FetchException failure(String url, int s, String mime, String retryAfter) {
    boolean retriable = s == 429 || s == 408 || s >= 500;
    return new FetchException(
        "HTTP " + s + " for " + safe(url),
        url,
        s,
        mime,
        retriable ? FetchException.Kind.RETRIABLE : FetchException.Kind.PERMANENT,
        retriable ? parseRetryAfter(retryAfter) : null,
        null);
  }

  /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
  public static Duration parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  private record Response(int status, Map<String, String> headers, byte[] body) {}

  private Response exchange(String url, FetchRequest request, boolean conditional, long deadline)
      throws FetchException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw FetchException.refused("malformed_url", "malformed URL " + Redact.url(url), url);
    }
    AddressPolicy.Target target;
    try {
      target = policy.check(url);
    } catch (AddressPolicy.Refusal e) {
      throw FetchException.refused(e.code(), e.code() + ": " + e.getMessage(), url);
    }
    if (deadline - System.nanoTime() <= 0) {
      throw FetchException.deadline(
          "timeout",
          "timeout: fetch deadline of "
              + config.readTimeout().toMillis()
              + " ms passed at "
              + safe(url),
          url,
          null);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", config.userAgent());
    headers.put("Accept-Encoding", "gzip, deflate");
    headers.put(
        "Accept",
        "application/rss+xml, application/atom+xml, application/feed+json,"
            + " application/xml;q=0.9, text/html;q=0.9, */*;q=0.8");
    if (conditional && request.etag() != null) {
      headers.put("If-None-Match", request.etag());
    }
    if (conditional && request.lastModified() != null) {
      headers.put("If-Modified-Since", request.lastModified());
    }
    HostThrottle.Permit permit = throttle == null ? () -> {} : throttle.acquire(uri.getHost());
    try {
      // The deadline covers the whole exchange, body included: a trickling body is cut too.
      PinnedHttp.Reply reply =
          PinnedHttp.get(
              uri,
              target,
              headers,
              config.connectTimeout().toMillis(),
              deadline,
              config.maxBodyBytes(),
              tls);
      Map<String, String> kept = new LinkedHashMap<>();
      for (String name : KEPT_HEADERS) {
        String v = reply.headers().get(name);
        if (v != null) {
          kept.put(name, v);
        }
      }
      return new Response(reply.status(), kept, reply.body());
    } catch (PinnedHttp.Interrupted e) {
      throw new InterruptedException("fetch of " + safe(url) + " interrupted");
    } catch (PinnedHttp.Cut c) {
      if (c.code().equals("too_large")) {
        throw FetchException.limit(
            "too_large",
            "too_large: body larger than " + config.maxBodyBytes() + " bytes at " + safe(url),
            url,
            c.received());
      }
      throw FetchException.deadline(
          c.code(),
          c.code()
              + ": "
              + c.getMessage()
              + " (fetch deadline "
              + config.readTimeout().toMillis()
              + " ms) for "
              + safe(url),
          url,
          c.received());
    } catch (ConnectException e) {
      throw FetchException.retriable("connection refused for " + safe(url), url, e);
    } catch (IOException e) {
      throw FetchException.retriable(
          "I/O error for " + safe(url) + ": " + Redact.text(String.valueOf(e)), url, e);
    } finally {
      permit.close();
    }
  }

  /**
   * Checks a URL against the address policy without connecting: null when it may be fetched, else
   * the refusal ({@code blocked_address}, {@code unsupported_scheme}, {@code no_host}...).
   */
  public FetchException refusal(String url) {
    try {
      policy.check(url);
      return null;
    } catch (AddressPolicy.Refusal e) {
      return FetchException.refused(e.code(), e.code() + ": " + e.getMessage(), url);
    }
  }

  private static String safe(String url) {
    return Redact.url(url);
  }

  private byte[] decode(byte[] body, String encoding, String url) throws FetchException {
    if (encoding == null || body.length == 0) {
      return body;
    }
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    try {
      if (e.equals("gzip") || e.equals("x-gzip")) {
        return readLimited(new GZIPInputStream(new java.io.ByteArrayInputStream(body)), url, body);
      }
      if (e.equals("deflate")) {
        try {
          return readLimited(
              new InflaterInputStream(new java.io.ByteArrayInputStream(body)), url, body);
        } catch (IOException zlibFailed) {
          // Some servers send raw deflate without the zlib wrapper.
          return readLimited(
              new InflaterInputStream(
                  new java.io.ByteArrayInputStream(body), new java.util.zip.Inflater(true)),
              url,
              body);
        }
      }
    } catch (IOException ex) {
      throw new FetchException(
          "cannot decode " + Redact.escape(encoding) + " body of " + safe(url),
          url,
          200,
          null,
          FetchException.Kind.PERMANENT,
          null,
          ex);
    }
    return body;
  }

  private byte[] readLimited(InputStream in, String url, byte[] body)
      throws IOException, FetchException {
    byte[] head =
        body.length <= PinnedHttp.RECEIVED_CAP
            ? body
            : java.util.Arrays.copyOf(body, PinnedHttp.RECEIVED_CAP);
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > config.maxBodyBytes()) {
          throw FetchException.limit(
              "decompression_limit",
              "decompression_limit: body larger than "
                  + config.maxBodyBytes()
                  + " bytes once decompressed at "
                  + safe(url),
              url,
              head);
        }
      }
      return out.toByteArray();
    }
  }

  static String resolve(String base, String location) {
    try {
      return URI.create(base).resolve(location.replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return location;
    }
  }

  @Override
  public void close() {
    // Every exchange closes its own socket: nothing is pooled.
  }
}
