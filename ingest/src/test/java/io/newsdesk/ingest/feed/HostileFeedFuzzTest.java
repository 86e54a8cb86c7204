package io.newsdesk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The abuse suite for feeds and sitemaps: a seeded generator mutates a valid RSS feed (deep
 * nesting, entity expansion, external entities, huge single lines, invalid UTF-8, NUL bytes, wrong
 * charsets, 1,000-deep JSON, random edits of the valid feed) and every input must end in a parsed
 * feed or a {@link FeedParseException} within generous bounds of wall time, CPU time and bytes
 * allocated. A failure names the seed to replay it.
 */
class HostileFeedFuzzTest {
  private static final long SEED = 0x13_0013L;
  private static final int CASES = 80;
  private static final long BOUND_MS = 10_000;

  /** CPU time of the thread per input: unlike wall time, not grown by the neighbours' load. */
  private static final long CPU_BOUND_MS = 4_000;

  /**
   * Bytes the thread may allocate per input: 128 MiB plus 200 per input byte, several times what
   * the worst of these inputs needs (printed at the end); deterministic, so it does not flake.
   */
  private static final long ALLOC_BASE = 128L << 20;

  private static final long ALLOC_PER_BYTE = 200;

  private static final String RSS =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Wire</title>"
          + "<link>https://news.example/</link>"
          + "<item><title>One</title><link>https://news.example/a/1</link>"
          + "<description>First &amp; foremost</description></item>"
          + "<item><title>Two</title><link>https://news.example/a/2</link>"
          + "<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>";

  @Test
  void everyHostileFeedParsesOrFailsWithAReasonWithinBounds() {
    FeedParser parser = new FeedParser();
    SitemapReader sitemaps = new SitemapReader();
    long worstCpuMs = 0;
    long worstAllocated = 0;
    Random seeds = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      int kind = i % 10;
      byte[] body = generate(kind, new Random(seed));
      String what = "kind " + kind + " (seed " + seed + ", " + body.length + " bytes)";
      long t0 = System.nanoTime();
      long cpu0 = cpuNanos();
      long alloc0 = allocatedBytes();
      try {
        ParsedFeed f =
            parser.parse(
                body,
                kind == 8 ? "application/feed+json" : "application/rss+xml",
                "https://news.example/feed.xml");
        assertThat(f).as(what).isNotNull();
        // An external entity is never resolved: no link carries the file's name or content.
        f.entries()
            .forEach(
                e -> assertThat(String.valueOf(e.link())).as(what).doesNotContain("passwd-secret"));
      } catch (FeedParseException expected) {
        assertThat(expected.getMessage()).as(what).isNotBlank();
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        throw new AssertionError(what + " escaped the feed parser with " + e, e);
      }
      try {
        sitemaps.parse(body, "application/xml", "https://news.example/sitemap.xml");
      } catch (FeedParseException expected) {
        // a reason is a fine answer
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        throw new AssertionError(what + " escaped the sitemap reader with " + e, e);
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      long cpuMs = TimeUnit.NANOSECONDS.toMillis(cpuNanos() - cpu0);
      long allocated = allocatedBytes() - alloc0;
      assertThat(ms).as(what + " took too long").isLessThan(BOUND_MS);
      assertThat(cpuMs).as(what + " took too much CPU").isLessThan(CPU_BOUND_MS);
      assertThat(allocated)
          .as(what + " allocated too much")
          .isLessThan(ALLOC_BASE + ALLOC_PER_BYTE * body.length);
      worstCpuMs = Math.max(worstCpuMs, cpuMs);
      worstAllocated = Math.max(worstAllocated, allocated);
    }
    System.out.printf(
        "HostileFeedFuzzTest: %d inputs, worst CPU %d ms, worst allocation %d MiB%n",
        CASES, worstCpuMs, worstAllocated >> 20);
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  private static long allocatedBytes() {
    if (THREADS instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()) {
      return t.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }

  static byte[] generate(int kind, Random r) {
    switch (kind) {
      case 0: // deep nesting inside an item
        {
          int depth = 1_000 + r.nextInt(50_000);
          return RSS.replace("<description>", "<description>" + "<x>".repeat(depth))
              .getBytes(StandardCharsets.UTF_8);
        }
      case 1: // entity expansion (billion laughs)
        {
          StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY l0 \"lol\">");
          for (int k = 1; k < 10; k++) {
            dtd.append("<!ENTITY l")
                .append(k)
                .append(" \"")
                .append(("&l" + (k - 1) + ";").repeat(10))
                .append("\">");
          }
          dtd.append("]>");
          return RSS.replace("<rss", dtd + "<rss")
              .replace("First &amp; foremost", "&l9;")
              .getBytes(StandardCharsets.UTF_8);
        }
      case 2: // external entity
        return RSS.replace(
                "<rss", "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd-secret\">]><rss")
            .replace("https://news.example/a/1", "&x;")
            .getBytes(StandardCharsets.UTF_8);
      case 3: // huge single line in a title
        {
          StringBuilder sb = new StringBuilder();
          int n = 100_000 + r.nextInt(900_000);
          for (int k = 0; k < n; k++) {
            sb.append((char) ('a' + r.nextInt(26)));
          }
          return RSS.replace("<title>One</title>", "<title>" + sb + "</title>")
              .getBytes(StandardCharsets.UTF_8);
        }
      case 4: // invalid UTF-8 bytes sprinkled
        {
          byte[] b = RSS.getBytes(StandardCharsets.UTF_8);
          for (int k = 0; k < 1 + r.nextInt(20); k++) {
            b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
          }
          return b;
        }
      case 5: // NUL bytes
        {
          byte[] b = RSS.getBytes(StandardCharsets.UTF_8);
          for (int k = 0; k < 1 + r.nextInt(10); k++) {
            b[r.nextInt(b.length)] = 0;
          }
          return b;
        }
      case 6: // declares one charset, written in another
        return RSS.replace("utf-8", r.nextBoolean() ? "utf-16" : "shift_jis")
            .replace("One", "Cr\u00e8me br\u00fbl\u00e9e")
            .getBytes(StandardCharsets.ISO_8859_1);
      case 7: // truncated and spliced
        {
          byte[] b = RSS.getBytes(StandardCharsets.UTF_8);
          int cut = r.nextInt(b.length);
          byte[] out = new byte[cut + 20];
          System.arraycopy(b, 0, out, 0, cut);
          for (int k = cut; k < out.length; k++) {
            out[k] = (byte) "<>&;\"'/!?[]".charAt(r.nextInt(11));
          }
          return out;
        }
      case 9: // a valid feed broken by random edits: flips, deletions, repeats, junk
        {
          byte[] b = RSS.getBytes(StandardCharsets.UTF_8);
          for (int e = 0, edits = 1 + r.nextInt(30); e < edits && b.length > 2; e++) {
            int at = r.nextInt(b.length);
            int len = 1 + r.nextInt(Math.min(b.length - at, 100));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(b, 0, at);
            switch (r.nextInt(4)) {
              case 0 -> {
                out.write(b[at] ^ (1 + r.nextInt(255)));
                out.write(b, at + 1, b.length - at - 1);
              }
              case 1 -> out.write(b, at + len, b.length - at - len);
              case 2 -> {
                for (int k = 0, n = 1 + r.nextInt(1_000); k < n; k++) {
                  out.write(b, at, len);
                }
                out.write(b, at, b.length - at);
              }
              default -> {
                for (int k = 0; k < len; k++) {
                  out.write(r.nextInt(256));
                }
                out.write(b, at, b.length - at);
              }
            }
            b = out.toByteArray();
          }
          return b;
        }
      case 8: // deeply nested JSON feed
      default:
        {
          int depth = 1_000 + r.nextInt(5_000);
          return ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
                  + "[".repeat(depth)
                  + "]".repeat(depth)
                  + "]}")
              .getBytes(StandardCharsets.UTF_8);
        }
    }
  }
}
