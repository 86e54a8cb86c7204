package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.enrich.ArticleEnricher;
import io.newsdesk.enrich.DocumentLimits;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The abuse suite: a seeded generator of hostile documents (deep nesting, huge single lines,
 * invalid UTF-8, NUL bytes, wrong charsets, entity-dense text, markup soup, random edits of a
 * well-formed page) driven through the HTML extractor, the plain-text cleaner and the NLP stages.
 * Every input must end in an article or an {@link ExtractionException}, within generous bounds of
 * wall time, CPU time and bytes allocated, and the NLP work must stay within the document limits. A
 * failure names the seed and the kind of input, so it can be replayed.
 */
class HostileInputFuzzTest {
  private static final long SEED = 0x13_1313L;
  private static final int CASES = 18;

  /** Far above what one document takes on a quiet machine; catches super-linear blow-ups. */
  private static final long BOUND_MS = 20_000;

  /**
   * CPU time of the thread per input: the largest inputs (800 KB) take about half a second on a
   * loaded 2-core machine; unlike wall time it does not grow with the neighbours' load.
   */
  private static final long CPU_BOUND_MS = 8_000;

  /**
   * Bytes the thread may allocate per input: a fixed 256 MiB plus 300 bytes per input byte (the
   * worst of these inputs allocates about 50 MiB through parse, cleaning and NLP). An all-pairs
   * step or a copy per token would blow far past it; as it is deterministic for a given input, it
   * is a memory bound that does not flake.
   */
  private static final long ALLOC_BASE = 256L << 20;

  private static final long ALLOC_PER_BYTE = 300;

  private static EnrichComponents components;
  private static ArticleEnricher enricher;

  @BeforeAll
  static void load() {
    components = EnrichComponents.standard();
    // Smaller caps than the defaults keep the suite quick; `newsdesk bench --hostile` times those.
    enricher = new ArticleEnricher(components, new DocumentLimits(30_000, 200, 50, 50));
    // Load what loads lazily (the language model) before anything is measured per input.
    for (String type : new String[] {"text/html", "text/plain"}) {
      try {
        byte[] body = ("<p>" + prose(new Random(1), 400) + "</p>").getBytes(StandardCharsets.UTF_8);
        enricher.annotate(
            components
                .extractor()
                .extract(Fixtures.doc(body, "https://x.example/w", type, Arrival.PUSH, null)),
            0L);
      } catch (ExtractionException e) {
        throw new AssertionError("the warm-up page is an article", e);
      }
    }
  }

  enum Kind {
    DEEP_NESTING,
    HUGE_LINE,
    INVALID_UTF8,
    NUL_BYTES,
    WRONG_CHARSET,
    ENTITY_DENSE,
    MARKUP_SOUP,
    HTML_ENTITIES,
    MUTATED
  }

  @Test
  void everyHostileDocumentEndsInAnArticleOrAReasonWithinBounds() {
    long worstCpuMs = 0;
    long worstAllocated = 0;
    Random seeds = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Kind kind = Kind.values()[i % Kind.values().length];
      byte[] body = generate(kind, new Random(seed));
      for (String type : new String[] {"text/html", "text/plain"}) {
        String what = kind + " as " + type + " (seed " + seed + ", " + body.length + " bytes)";
        long t0 = System.nanoTime();
        long cpu0 = Costs.cpuNanos();
        long alloc0 = Costs.allocatedBytes();
        try {
          Article a =
              components
                  .extractor()
                  .extract(Fixtures.doc(body, "https://x.example/p", type, Arrival.PUSH, null));
          EnrichedArticle e = enricher.annotate(a, 0L);
          assertThat(e.getEntities().size())
              .as(what)
              .isLessThanOrEqualTo(enricher.limits().maxEntities());
          e.getEntities()
              .forEach(
                  en ->
                      assertThat(en.getMentions().size())
                          .as(what)
                          .isLessThanOrEqualTo(enricher.limits().maxMentionsPerEntity()));
          if (a.getText().length() > enricher.limits().maxAnalysedChars()) {
            assertThat(e.getLimits()).as(what + ": the cut is recorded").isNotNull();
            assertThat(e.getLimits().getAnalysedChars())
                .isLessThanOrEqualTo(enricher.limits().maxAnalysedChars());
          }
        } catch (ExtractionException expected) {
          assertThat(expected.getMessage()).as(what).isNotBlank();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          throw new AssertionError(what + " escaped with " + e, e);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long cpuMs = TimeUnit.NANOSECONDS.toMillis(Costs.cpuNanos() - cpu0);
        long allocated = Costs.allocatedBytes() - alloc0;
        assertThat(ms).as(what + " took too long").isLessThan(BOUND_MS);
        assertThat(cpuMs).as(what + " took too much CPU").isLessThan(CPU_BOUND_MS);
        assertThat(allocated)
            .as(what + " allocated too much")
            .isLessThan(ALLOC_BASE + ALLOC_PER_BYTE * body.length);
        worstCpuMs = Math.max(worstCpuMs, cpuMs);
        worstAllocated = Math.max(worstAllocated, allocated);
      }
    }
    System.out.printf(
        "HostileInputFuzzTest: %d inputs, worst CPU %d ms, worst allocation %d MiB%n",
        CASES * 2, worstCpuMs, worstAllocated >> 20);
  }

  static byte[] generate(Kind kind, Random r) {
    switch (kind) {
      case DEEP_NESTING:
        {
          int depth = 2_000 + r.nextInt(20_000);
          String open = r.nextBoolean() ? "<div>" : "<b><i>";
          return ("<html><body>"
                  + open.repeat(depth)
                  + "deep "
                  + names(r, 50)
                  + "</div>".repeat(depth / 2))
              .getBytes(StandardCharsets.UTF_8);
        }
      case HUGE_LINE:
        {
          StringBuilder sb = new StringBuilder("<p>");
          int n = 200_000 + r.nextInt(600_000);
          for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
          }
          return sb.append("</p>").toString().getBytes(StandardCharsets.UTF_8);
        }
      case INVALID_UTF8:
        {
          byte[] b = ("<p>" + prose(r, 3_000) + "</p>").getBytes(StandardCharsets.UTF_8);
          for (int i = 0; i < b.length / 20; i++) {
            b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
          }
          return b;
        }
      case NUL_BYTES:
        {
          byte[] b = ("<p>" + prose(r, 3_000) + "</p>").getBytes(StandardCharsets.UTF_8);
          int n = 1 + r.nextInt(Math.max(1, b.length / 30));
          for (int i = 0; i < n; i++) {
            b[r.nextInt(b.length)] = 0;
          }
          return b;
        }
      case WRONG_CHARSET:
        {
          String text =
              "<meta charset=\""
                  + pick(r, "utf-16", "utf-32", "shift_jis", "x-nonsense", "utf-8")
                  + "\"><p>Cr\u00e8me br\u00fbl\u00e9e \u00e0 "
                  + prose(r, 2_000)
                  + "</p>";
          return text.getBytes(
              r.nextBoolean() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
        }
      case ENTITY_DENSE:
        return ("<p>" + names(r, 40_000 + r.nextInt(40_000)) + "</p>")
            .getBytes(StandardCharsets.UTF_8);
      case MARKUP_SOUP:
        {
          String[] bits = {
            "<p>",
            "</div>",
            "<table><tr><td>",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "<![CDATA[",
            "<a href='",
            "\"",
            "<svg><foreignObject>",
            "&#",
            "<li>",
            "<h1>"
          };
          StringBuilder sb = new StringBuilder();
          while (sb.length() < 100_000) {
            sb.append(bits[r.nextInt(bits.length)]).append(prose(r, 40));
          }
          return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
      case MUTATED:
        return mutate(
            ("<html><head><title>Talks in Lindham</title><meta charset=\"utf-8\"></head><body>"
                    + "<nav><a href=\"/\">Home</a></nav><article><h1>Talks</h1><p>"
                    + prose(r, 400)
                    + "</p><p>"
                    + names(r, 300)
                    + "</p></article><footer>Cookies</footer></body></html>")
                .getBytes(StandardCharsets.UTF_8),
            r);
      case HTML_ENTITIES:
      default:
        return ("<p>"
                + "&amp;&lt;&#x41;&#65;&nbsp;&bogus;&#xFFFFFFF;".repeat(10_000 + r.nextInt(20_000))
                + "</p>")
            .getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * A well-formed page broken by 1 to 40 random edits: bytes flipped, runs deleted, duplicated or
   * inserted (random bytes, NULs or markup), the end cut off.
   */
  static byte[] mutate(byte[] page, Random r) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] b = page.clone();
    int edits = 1 + r.nextInt(40);
    for (int e = 0; e < edits && b.length > 2; e++) {
      int at = r.nextInt(b.length);
      int len = 1 + r.nextInt(Math.min(b.length - at, 200));
      out.reset();
      out.write(b, 0, at);
      switch (r.nextInt(6)) {
        case 0 -> { // flip a byte
          b[at] ^= (byte) (1 + r.nextInt(255));
          continue;
        }
        case 1 -> { // delete a run
          out.write(b, at + len, b.length - at - len);
        }
        case 2 -> { // duplicate a run many times
          for (int k = 0, n = 1 + r.nextInt(500); k < n; k++) {
            out.write(b, at, len);
          }
          out.write(b, at, b.length - at);
        }
        case 3 -> { // random bytes, NULs among them
          for (int k = 0; k < len; k++) {
            out.write(r.nextInt(4) == 0 ? 0 : r.nextInt(256));
          }
          out.write(b, at, b.length - at);
        }
        case 4 -> { // markup
          out.writeBytes(
              pick(r, "<div>", "</p>", "<!--", "<script>", "<![CDATA[", "&#x", "<table><td>")
                  .repeat(1 + r.nextInt(2_000))
                  .getBytes(StandardCharsets.UTF_8));
          out.write(b, at, b.length - at);
        }
        default -> { // cut the end off
          // nothing after position at
        }
      }
      b = out.toByteArray();
    }
    return b;
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static String prose(Random r, int words) {
    String[] w = {
      "the",
      "council",
      "said",
      "on",
      "Monday",
      "that",
      "prices",
      "rose",
      "in",
      "Lindham",
      "after",
      "talks",
      "with",
      "Northfield",
      "Bank",
      "and",
      "its",
      "chief",
      "Ada",
      "Veltri"
    };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(w[r.nextInt(w.length)]).append(i % 17 == 16 ? ". " : " ");
    }
    return sb.toString();
  }

  /** Sentences made of capitalised made-up names: as many mentions as words allow. */
  private static String names(Random r, int words) {
    String[] syll = {"ka", "lo", "mir", "an", "te", "vo", "sun", "da", "ri", "ben"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = syll[r.nextInt(syll.length)] + syll[r.nextInt(syll.length)];
      sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
      sb.append(i % 9 == 8 ? ". " : (i % 3 == 2 ? " and " : " "));
    }
    return sb.toString();
  }

  /** CPU time and allocation of the calling thread, where the JVM measures them. */
  static final class Costs {
    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();

    static long cpuNanos() {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    static long allocatedBytes() {
      if (THREADS instanceof com.sun.management.ThreadMXBean t
          && t.isThreadAllocatedMemorySupported()) {
        return t.getThreadAllocatedBytes(Thread.currentThread().getId());
      }
      return 0;
    }
  }
}
