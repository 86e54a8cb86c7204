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
 * invalid UTF-8, NUL bytes, wrong charsets, entity-dense text, markup soup) driven through the HTML
 * extractor, the plain-text cleaner and the NLP stages. Every input must end in an article or an
 * {@link ExtractionException}, within a generous time bound, and the NLP work must stay within the
 * document limits. A failure names the seed and the kind of input, so it can be replayed.
 */
class HostileInputFuzzTest {
  private static final long SEED = 0x13_1313L;
  private static final int CASES = 16;

  /** Far above what one document takes on a quiet machine; catches super-linear blow-ups. */
  private static final long BOUND_MS = 20_000;

  private static EnrichComponents components;
  private static ArticleEnricher enricher;

  @BeforeAll
  static void load() {
    components = EnrichComponents.standard();
    // Smaller caps than the defaults keep the suite quick; `newsdesk bench --hostile` times those.
    enricher = new ArticleEnricher(components, new DocumentLimits(30_000, 200, 50, 50));
  }

  enum Kind {
    DEEP_NESTING,
    HUGE_LINE,
    INVALID_UTF8,
    NUL_BYTES,
    WRONG_CHARSET,
    ENTITY_DENSE,
    MARKUP_SOUP,
    HTML_ENTITIES
  }

  @Test
  void everyHostileDocumentEndsInAnArticleOrAReasonWithinBounds() {
    Random seeds = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Kind kind = Kind.values()[i % Kind.values().length];
      byte[] body = generate(kind, new Random(seed));
      for (String type : new String[] {"text/html", "text/plain"}) {
        String what = kind + " as " + type + " (seed " + seed + ", " + body.length + " bytes)";
        long t0 = System.nanoTime();
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
        assertThat(ms).as(what + " took too long").isLessThan(BOUND_MS);
      }
    }
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
      case HTML_ENTITIES:
      default:
        return ("<p>"
                + "&amp;&lt;&#x41;&#65;&nbsp;&bogus;&#xFFFFFFF;".repeat(10_000 + r.nextInt(20_000))
                + "</p>")
            .getBytes(StandardCharsets.UTF_8);
    }
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
}
