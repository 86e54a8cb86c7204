package io.newsdesk.enrich;

import io.newsdesk.enrich.dedup.MinHasher;
import io.newsdesk.enrich.dedup.NearDuplicateConfig;
import io.newsdesk.enrich.dedup.Signature;
import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.enrich.extract.ExtractionHarness;
import io.newsdesk.enrich.sentiment.SentimentAnnotator;
import io.newsdesk.enrich.stories.StoryConfig;
import io.newsdesk.enrich.stories.StoryIndex;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Story;
import io.newsdesk.schema.Tone;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A JIT-warm measuring and dumping tool for the stages after extraction, on the bench's real pages
 * (those of {@link ExtractionHarness}): each page is extracted once, then the entities, sentiment +
 * tone, near-duplicate signature and story stages run over every article. Not a test: run it by
 * hand against any build (the app jar first on the class path, then enrich's test classes) to
 * compare two versions back to back.
 *
 * <pre>
 * java -Xmx2g -cp app/target/newsdesk.jar:enrich/target/test-classes \
 *     io.newsdesk.enrich.NlpHarness time ../shared/data 6
 * java -cp ... io.newsdesk.enrich.NlpHarness dump ../shared/data out.txt
 * </pre>
 *
 * <p>{@code time} runs the stages over all articles a number of rounds (the first two warm the JIT
 * and are not reported) and prints CPU milliseconds per article of this thread for each: entities
 * ({@code tagger().tag} on the analysed text), sentiment + tone (per-entity sentiment, then the
 * document's tone), the near-duplicate signature with its band keys and sketch, and story
 * assignment (a fresh story index per round, articles a minute apart), and the bytes each phase
 * allocates per article in the last round. {@code dump} writes, per article, what {@link
 * ArticleEnricher#annotate} gives (entities with types, keys, mentions and offsets, sentiment;
 * tone; limits), the near-duplicate band keys and sketch (all the band index decides on) and the
 * story assignment, for comparing two versions with {@code cmp}.
 */
public final class NlpHarness {

  /** A fixed enrichment time, so that the dump does not depend on the clock. */
  private static final long NOW = 1_790_000_000_000L;

  private NlpHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: NlpHarness time DATA [ROUNDS] | dump DATA OUT");
      System.exit(2);
    }
    EnrichComponents components = EnrichComponents.standard();
    List<Article> articles = extracted(components, ExtractionHarness.documents(Path.of(args[1])));
    switch (args[0]) {
      case "time" ->
          time(components, articles, args.length > 2 ? Integer.parseInt(args[2]) : 6, System.out);
      case "dump" -> {
        try (PrintStream out =
            new PrintStream(
                Files.newOutputStream(Path.of(args[2])), false, StandardCharsets.UTF_8)) {
          dump(components, articles, out);
        }
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** Every article of the pages, extracted once (pages that are no article are left out). */
  private static List<Article> extracted(EnrichComponents c, List<RawDocument> docs) {
    List<Article> out = new ArrayList<>();
    for (RawDocument d : docs) {
      try {
        out.addAll(c.extractor().extractAll(d));
      } catch (ExtractionException e) {
        // a dead letter of extraction: nothing for the later stages
      }
    }
    return out;
  }

  private static void dump(EnrichComponents c, List<Article> articles, PrintStream out) {
    ArticleEnricher enricher = new ArticleEnricher(c);
    MinHasher hasher = new MinHasher(NearDuplicateConfig.defaults());
    StoryIndex stories = new StoryIndex(StoryConfig.defaults());
    HexFormat hex = HexFormat.of();
    long at = NOW;
    for (Article a : articles) {
      EnrichedArticle e = enricher.annotate(a, NOW);
      out.println(a.getId() + " entities " + e.getEntities());
      out.println(a.getId() + " tone " + e.getTone() + " limits " + e.getLimits());
      Signature sig = hasher.signature(a.getText());
      if (sig == null) {
        out.println(a.getId() + " near-dup none");
      } else {
        StringBuilder keys = new StringBuilder();
        for (int b = 0; b < sig.bands(); b++) {
          keys.append(' ').append(sig.bandKey(b));
        }
        out.println(a.getId() + " near-dup" + keys + " sketch " + hex.formatHex(sig.sketch()));
      }
      Story story = stories.assign(e, at += 60_000);
      out.println(a.getId() + " story " + e.getStoryId() + " " + story);
    }
  }

  /**
   * Whether the build has {@code SentimentAnnotator.annotateWithTone} (what {@link ArticleEnricher}
   * calls); earlier builds, compared against it, annotate and then score the tone.
   */
  private static final boolean COMBINED = hasMethod(SentimentAnnotator.class, "annotateWithTone");

  private static boolean hasMethod(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Per-entity sentiment and the document's tone, as the build's enricher computes them. */
  private static Tone sentimentAndTone(EnrichComponents c, String text, List<Entity> entities) {
    if (COMBINED) {
      return c.sentiment().annotateWithTone(text, entities);
    }
    c.sentiment().annotate(text, entities);
    return c.sentiment().tone(text);
  }

  private static void time(
      EnrichComponents c, List<Article> articles, int rounds, PrintStream out) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean memory = (com.sun.management.ThreadMXBean) cpu;
    DocumentLimits limits = DocumentLimits.defaults();
    MinHasher hasher = new MinHasher(NearDuplicateConfig.defaults());
    String[] analysed = new String[articles.size()];
    for (int i = 0; i < analysed.length; i++) {
      analysed[i] = limits.analysed(articles.get(i).getText());
    }
    out.printf(
        "%d articles, %d rounds (2 warm-up), sentiment and tone %s%n",
        articles.size(), rounds, COMBINED ? "in one call" : "one after the other");
    String[] phases = {"entities", "sentiment + tone", "near-dup signature", "story assignment"};
    double[] sum = new double[phases.length + 1];
    double[] best = new double[phases.length + 1];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    double n = articles.size() * 1e6;
    for (int r = 0; r < rounds; r++) {
      long[] ns = new long[phases.length];
      long[] bytes = new long[phases.length];
      List<EnrichedArticle> enriched = new ArrayList<>(articles.size());
      for (int i = 0; i < analysed.length; i++) {
        Article a = articles.get(i);
        long b0 = memory.getCurrentThreadAllocatedBytes();
        long c0 = cpu.getCurrentThreadCpuTime();
        List<Entity> entities = c.tagger().tag(a.getTitle(), analysed[i]);
        long c1 = cpu.getCurrentThreadCpuTime();
        long b1 = memory.getCurrentThreadAllocatedBytes();
        EnrichedArticle e =
            EnrichedArticle.newBuilder()
                .setArticle(a)
                .setEntities(entities)
                .setTone(sentimentAndTone(c, analysed[i], entities))
                .setEnrichedAt(NOW)
                .build();
        long c2 = cpu.getCurrentThreadCpuTime();
        long b2 = memory.getCurrentThreadAllocatedBytes();
        Signature sig = hasher.signature(a.getText());
        if (sig != null) {
          for (int b = 0; b < sig.bands(); b++) {
            sig.bandKey(b);
          }
          sig.sketch();
        }
        long c3 = cpu.getCurrentThreadCpuTime();
        bytes[0] += b1 - b0;
        bytes[1] += b2 - b1;
        bytes[2] += memory.getCurrentThreadAllocatedBytes() - b2;
        ns[0] += c1 - c0;
        ns[1] += c2 - c1;
        ns[2] += c3 - c2;
        enriched.add(e);
      }
      StoryIndex stories = new StoryIndex(StoryConfig.defaults());
      long sb0 = memory.getCurrentThreadAllocatedBytes();
      long s0 = cpu.getCurrentThreadCpuTime();
      long at = NOW;
      for (EnrichedArticle e : enriched) {
        stories.assign(e, at += 60_000);
      }
      ns[3] = cpu.getCurrentThreadCpuTime() - s0;
      bytes[3] = memory.getCurrentThreadAllocatedBytes() - sb0;
      StringBuilder line = new StringBuilder("round " + r + ":");
      double total = 0;
      for (int p = 0; p < phases.length; p++) {
        double ms = ns[p] / n;
        total += ms;
        line.append(String.format(" %s %.3f,", phases[p], ms));
        if (r >= 2) {
          sum[p] += ms;
          best[p] = Math.min(best[p], ms);
        }
      }
      if (r >= 2) {
        sum[phases.length] += total;
        best[phases.length] = Math.min(best[phases.length], total);
      }
      out.println(line.append(String.format(" all %.3f CPU ms/article", total)));
      if (r == rounds - 1) {
        // Allocation is the same from round to round, and unlike CPU time it does not depend on
        // the load of the machine.
        StringBuilder kb = new StringBuilder("allocated KB/article, last round:");
        for (int p = 0; p < phases.length; p++) {
          kb.append(String.format(" %s %.1f,", phases[p], bytes[p] / 1024.0 / articles.size()));
        }
        out.println(kb);
      }
    }
    out.printf("CPU ms/article, mean (best) over rounds 2..%d:%n", rounds - 1);
    for (int p = 0; p <= phases.length; p++) {
      out.printf(
          "  %-20s %7.3f (%.3f)%n",
          p < phases.length ? phases[p] : "all", sum[p] / (rounds - 2), best[p]);
    }
  }
}
