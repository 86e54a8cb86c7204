package io.newsdesk.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsdesk.enrich.EnrichStores;
import io.newsdesk.enrich.trends.TrendTopology.Window;
import io.newsdesk.schema.DeadLetter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server of a running stage (Javalin on Jetty, no servlet container): {@code
 * /health}, {@code /metrics}, {@code /api/...}, server-sent events and the console.
 */
public final class NewsdeskServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NewsdeskServer.class);
  private static final String CONSOLE = "/io/newsdesk/app/http/console/";
  private static final Set<String> CONSOLE_FILES = Set.of("console.js", "console.css");

  private final Javalin app;
  private final String host;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final AtomicReference<ClusterQueries> stores = new AtomicReference<>();

  private NewsdeskServer(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /**
   * Starts serving on {@code address}; a port already taken is an {@link IllegalStateException}
   * naming it.
   */
  public static NewsdeskServer start(
      HttpAddress address, Health health, PrometheusMeterRegistry registry, NewsView view) {
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
              config.http.defaultContentType = ContentType.JSON;
            });
    NewsdeskServer server = new NewsdeskServer(app, address.host());
    server.routes(health, registry, view);
    try {
      app.start(address.host(), address.port());
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException(
          "cannot serve HTTP on "
              + address.host()
              + ":"
              + address.port()
              + " (port already taken?); choose another with --http HOST:PORT or --http none: "
              + e.getMessage(),
          e);
    }
    LOG.info("serving HTTP on {}", server.url());
    return server;
  }

  private void routes(Health health, PrometheusMeterRegistry registry, NewsView view) {
    app.get(
        "/health",
        ctx -> {
          Health.Status s = health.check();
          ctx.status(s.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
          ctx.json(Map.of("status", s.up() ? "UP" : "DOWN", "checks", s.checks()));
        });
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    app.get(
        "/api/stories",
        ctx -> answer(ctx, q -> q.stories(intParam(ctx, "limit", 20, 500), local(ctx))));
    app.get("/api/stories/{id}", ctx -> answer(ctx, q -> q.story(ctx.pathParam("id"), local(ctx))));
    app.get(
        "/api/entities/trending",
        ctx -> {
          Window window = window(ctx);
          if (window == null) {
            return;
          }
          Long start = ctx.queryParamAsClass("start", Long.class).allowNullable().get();
          answer(
              ctx,
              q ->
                  q.trending(
                      window,
                      intParam(ctx, "top", 20, 200),
                      start == null ? OptionalLong.empty() : OptionalLong.of(start),
                      local(ctx)));
        });
    app.get(
        "/api/entities/{key}",
        ctx -> {
          Window window = window(ctx);
          if (window != null) {
            answer(ctx, q -> q.entity(ctx.pathParam("key"), window, local(ctx)));
          }
        });
    app.get(
        "/api/sources",
        ctx -> ctx.json(ApiViews.sources(view.sources(), System.currentTimeMillis())));
    app.get(
        "/api/dead-letters",
        ctx -> ctx.json(ApiViews.deadLetters(view.deadLetters(), intParam(ctx, "limit", 50, 500))));
    app.get(
        "/api/dead-letters/{id}/original",
        ctx -> {
          NewsView.Dead d = view.deadLetter(ctx.pathParam("id"));
          if (d == null) {
            throw new NotFoundResponse("no recent dead letter " + ctx.pathParam("id"));
          }
          DeadLetter l = d.letter();
          ByteBuffer b = l.getOriginalBytes().duplicate();
          byte[] bytes = new byte[b.remaining()];
          b.get(bytes);
          ctx.contentType("application/octet-stream")
              .header("Content-Disposition", "attachment; filename=\"dead-" + d.id() + ".bin\"")
              .result(bytes);
        });
    app.get(
        "/api/articles/{id}", ctx -> answer(ctx, q -> q.article(ctx.pathParam("id"), local(ctx))));
    app.sse(
        "/api/events",
        client -> {
          client.keepAlive();
          client.onClose(() -> clients.remove(client));
          clients.add(client);
          client.sendEvent("hello", Map.of("clients", clients.size()));
        });
    view.onChange(
        c -> {
          for (SseClient client : clients) {
            if (client.terminated()) {
              clients.remove(client);
            } else {
              client.sendEvent(c.type(), c.data());
            }
          }
        });
    app.get("/", ctx -> ctx.contentType(ContentType.HTML).result(resource(CONSOLE + "index.html")));
    app.get(
        "/console/{file}",
        ctx -> {
          String file = ctx.pathParam("file");
          if (!CONSOLE_FILES.contains(file)) {
            throw new NotFoundResponse(file);
          }
          ctx.contentType(file.endsWith(".js") ? "text/javascript" : "text/css")
              .result(resource(CONSOLE + file));
        });
    String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    app.get(
        "/lib/uPlot.esm.js",
        ctx -> ctx.contentType("text/javascript").result(resource(uplot + "uPlot.esm.js")));
    app.get(
        "/lib/uPlot.min.css",
        ctx -> ctx.contentType("text/css").result(resource(uplot + "uPlot.min.css")));
  }

  /** From now on, answer stories, articles and entities from these stores (null: none here). */
  public void serveStores(ClusterQueries queries) {
    stores.set(queries);
  }

  private void answer(Context ctx, Function<ClusterQueries, ClusterQueries.Answer> question) {
    ClusterQueries q = stores.get();
    if (q == null) {
      unavailable(
          ctx,
          "this process runs no enrich stage: stories, articles and entities are answered by the"
              + " enrich instances (newsdesk run, enrich or demo --serve)");
      return;
    }
    ClusterQueries.Answer a;
    try {
      a = question.apply(q);
    } catch (StoreHosts.UnavailableException | InvalidStateStoreException e) {
      unavailable(ctx, e.getMessage());
      return;
    }
    ctx.status(a.status()).contentType(ContentType.JSON).result(a.json());
  }

  private static void unavailable(Context ctx, String reason) {
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "2")
        .json(Map.of("error", reason == null ? "state stores not ready" : reason));
  }

  private static boolean local(Context ctx) {
    return ClusterQueries.LOCAL.equals(ctx.header(ClusterQueries.SCOPE_HEADER));
  }

  /** The {@code window} parameter (default 1h); null after answering 400 for an unknown one. */
  private static Window window(Context ctx) {
    String name = ctx.queryParamAsClass("window", String.class).getOrDefault("1h");
    Window w = EnrichStores.WINDOWS.get(name);
    if (w == null) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .json(
              Map.of(
                  "error",
                  "window must be one of " + new TreeSet<>(EnrichStores.WINDOWS.keySet())));
    }
    return w;
  }

  private static int intParam(Context ctx, String name, int dflt, int max) {
    int v = ctx.queryParamAsClass(name, Integer.class).getOrDefault(dflt);
    return Math.max(1, Math.min(v, max));
  }

  private static byte[] resource(String path) {
    try (InputStream in = NewsdeskServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new NotFoundResponse(path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version of the uPlot webjar on the class path. */
  static String uplotVersion() {
    try (InputStream in =
        NewsdeskServer.class.getResourceAsStream(
            "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the uplot webjar is not on the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The host it listens on, as given. */
  public String host() {
    return host;
  }

  /** The port it listens on (the one picked when asked for port 0). */
  public int port() {
    return app.port();
  }

  public String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  @Override
  public void close() {
    for (SseClient c : clients) {
      c.close();
    }
    app.stop();
  }
}
