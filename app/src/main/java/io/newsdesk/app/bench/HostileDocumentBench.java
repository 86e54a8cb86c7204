package io.newsdesk.app.bench;

import io.newsdesk.enrich.ArticleEnricher;
import io.newsdesk.enrich.DocumentLimits;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.enrich.dedup.MinHasher;
import io.newsdesk.enrich.dedup.NearDuplicateConfig;
import io.newsdesk.enrich.extract.ArticleExtractors;
import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.enrich.extract.ExtractorConfig;
import io.newsdesk.enrich.stories.StoryConfig;
import io.newsdesk.enrich.stories.StoryIndex;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.WorkLimits;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The worst case of one document: a pushed plain text of several megabytes dense with names (every
 * second word capitalised, thousands of distinct names), timed through every per-document enrich
 * step: extraction, entities, sentiment, tone, near-duplicate signature and story assignment.
 */
public final class HostileDocumentBench {

  /** One measured document. */
  public record Result(
      String kind,
      int bytes,
      long extractMs,
      long annotateMs,
      long dedupMs,
      long storyMs,
      long recordMs,
      int entities,
      WorkLimits limits) {
    public long totalMs() {
      return extractMs + annotateMs + dedupMs + storyMs + recordMs;
    }
  }

  private static final AvroCodec<EnrichedArticle> RECORD = AvroCodec.of(EnrichedArticle.class);

  private HostileDocumentBench() {}

  /**
   * A text of about {@code bytes} bytes: sentences naming people, organisations and places, with
   * {@code distinct} different names (seeded, so runs compare).
   */
  public static String nameDenseText(int bytes, int distinct, long seed) {
    Random r = new Random(seed);
    String[] syll = {"ka", "lo", "mir", "an", "te", "vo", "sun", "da", "ri", "ben", "os", "ul"};
    List<String> names = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      names.add(word(r, syll) + " " + word(r, syll));
    }
    String[] orgs = {"Northfield Bank", "the Council of Ports", "Arlen Motors", "Civic Radio"};
    String[] places = {"Westbury", "Port Calder", "Lindham", "Oster Valley", "Greymoor"};
    String[] verbs = {"met", "criticised", "praised", "warned", "thanked", "sued"};
    StringBuilder sb = new StringBuilder(bytes + 200);
    while (sb.length() < bytes) {
      sb.append(names.get(r.nextInt(names.size())))
          .append(' ')
          .append(verbs[r.nextInt(verbs.length)])
          .append(' ')
          .append(names.get(r.nextInt(names.size())))
          .append(" of ")
          .append(orgs[r.nextInt(orgs.length)])
          .append(" in ")
          .append(places[r.nextInt(places.length)])
          .append(r.nextInt(8) == 0 ? ".\n\n" : ". ");
    }
    sb.setLength(bytes);
    return sb.toString();
  }

  private static String word(Random r, String[] syll) {
    StringBuilder w = new StringBuilder();
    int n = 2 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      w.append(syll[r.nextInt(syll.length)]);
    }
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** Times one pushed plain text through every per-document step. */
  public static Result run(EnrichComponents components, String kind, String text)
      throws ExtractionException {
    return run(components, kind, text, DocumentLimits.defaults());
  }

  /** Times one plain text with other limits (a wider text cap shows how a step grows). */
  public static Result run(
      EnrichComponents components, String kind, String text, DocumentLimits limits)
      throws ExtractionException {
    return run(components, kind, "text/plain", text, limits);
  }

  /**
   * Times one document of the given content type: extraction, entities with sentiment and tone,
   * near-duplicate signature, story assignment, and the enriched record's Avro encoding and
   * decoding (what every topic and store it passes costs per hop).
   */
  public static Result run(
      EnrichComponents components,
      String kind,
      String contentType,
      String text,
      DocumentLimits limits)
      throws ExtractionException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    RawDocument raw =
        RawDocument.newBuilder()
            .setId("hostile-" + kind)
            .setUrl("push:hostile-" + kind)
            .setSource("bench")
            .setArrival(Arrival.PUSH)
            .setFetchedAt(System.currentTimeMillis())
            .setContentType(contentType)
            .setCharset("utf-8")
            .setBody(ByteBuffer.wrap(body))
            .build();
    ArticleEnricher enricher = new ArticleEnricher(components, limits);
    long t0 = cpu();
    var article = components.extractor().extract(raw);
    long t1 = cpu();
    EnrichedArticle e = enricher.annotate(article, System.currentTimeMillis());
    long t2 = cpu();
    new MinHasher(NearDuplicateConfig.defaults()).signature(e.getArticle().getText());
    long t3 = cpu();
    new StoryIndex(StoryConfig.defaults()).assign(e, System.currentTimeMillis());
    long t4 = cpu();
    RECORD.decode(RECORD.encode(e));
    long t5 = cpu();
    return new Result(
        kind,
        body.length,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000,
        (t5 - t4) / 1_000_000,
        e.getEntities().size(),
        e.getLimits());
  }

  /** A page of about {@code bytes} bytes: the name-dense text as paragraphs of an article. */
  public static String nameDenseHtml(int bytes, int distinct, long seed) {
    String text = nameDenseText(bytes, distinct, seed);
    StringBuilder sb = new StringBuilder(bytes + bytes / 10);
    sb.append("<!doctype html><html><head><title>Names</title></head><body><article>");
    for (String para : text.split("\n\n")) {
      sb.append("<p>").append(para).append("</p>\n");
    }
    return sb.append("</article></body></html>").toString();
  }

  /**
   * CPU time of this thread: on a shared machine wall time measures the neighbours, CPU time the
   * work this document costs.
   */
  private static long cpu() {
    java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
    return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /**
   * The standard set: 5 MB texts with few and with many distinct names, a 1 MB single line, a 5 MB
   * page; then, with the text caps lifted, how the steps grow from 100 KB to 1 MB.
   */
  public static List<Result> runAll(EnrichComponents components) throws ExtractionException {
    List<Result> out = new ArrayList<>();
    DocumentLimits limits = DocumentLimits.defaults();
    // Warm up the models and the JIT on a small one first.
    run(components, "warmup", nameDenseText(200_000, 500, 1));
    out.add(run(components, "5MB-200-names", nameDenseText(5_000_000, 200, 13)));
    out.add(run(components, "5MB-50000-names", nameDenseText(5_000_000, 50_000, 14)));
    out.add(
        run(components, "1MB-one-line", nameDenseText(1024 * 1024, 5_000, 15).replace('\n', ' ')));
    out.add(run(components, "5MB-html", "text/html", nameDenseHtml(5_000_000, 5_000, 17), limits));
    // Without the text caps (extraction's 200,000 characters kept, enrich's 100,000 analysed) the
    // steps see every distinct name: each must grow about linearly (the entity merges were
    // all-pairs before), so 1 MB costs about ten times 100 KB.
    EnrichComponents uncapped =
        new EnrichComponents(
            ArticleExtractors.standard(ExtractorConfig.defaults().withMaxTextChars(2_000_000)),
            components.tagger(),
            components.sentiment());
    DocumentLimits wide = new DocumentLimits(2_000_000, 300, 100, 100);
    out.add(run(uncapped, "100KB-uncapped", nameDenseText(100_000, 50_000, 16), wide));
    out.add(run(uncapped, "1MB-uncapped", nameDenseText(1_000_000, 50_000, 16), wide));
    return out;
  }

  public static void print(PrintStream out, List<Result> results) {
    out.println(
        "Hostile documents through enrich: CPU ms of one thread per step (limits:"
            + " ExtractorConfig.defaults() keeps 200,000 characters of text,"
            + " DocumentLimits.defaults() analyses 100,000; *-uncapped: both caps 2,000,000"
            + " characters; record: Avro encode + decode of the enriched article, once)");
    out.printf(
        "%-18s %9s %9s %10s %8s %8s %8s %9s %9s  %s%n",
        "document",
        "bytes",
        "extract",
        "entities+",
        "dedup",
        "story",
        "record",
        "total",
        "entities",
        "cut (analysed chars / entities / mentions / targets dropped)");
    for (Result r : results) {
      WorkLimits l = r.limits();
      out.printf(
          "%-18s %9d %7d ms %7d ms %5d ms %5d ms %5d ms %6d ms %9d  %s%n",
          r.kind(),
          r.bytes(),
          r.extractMs(),
          r.annotateMs(),
          r.dedupMs(),
          r.storyMs(),
          r.recordMs(),
          r.totalMs(),
          r.entities(),
          l == null
              ? "nothing cut"
              : l.getAnalysedChars()
                  + " of "
                  + l.getTextChars()
                  + " / "
                  + l.getEntitiesDropped()
                  + " / "
                  + l.getMentionsDropped()
                  + " / "
                  + l.getTargetsSkipped());
    }
  }
}
