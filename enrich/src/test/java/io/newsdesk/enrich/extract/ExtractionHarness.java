package io.newsdesk.enrich.extract;

import io.newsdesk.enrich.extract.eval.BenchmarkPages;
import io.newsdesk.enrich.extract.html.HtmlArticleParser;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A JIT-warm measuring and dumping tool for the HTML extractor on the real pages of the bench
 * (every *.html[.gz] page of the three extraction sets under the data directory, as {@code
 * BenchCorpus.real} reads them, wrapped as the bench wraps them). Not a test: run it by hand
 * against any build (the app jar first on the class path, then enrich's test classes) to compare
 * two versions of the extractor back to back.
 *
 * <pre>
 * java -Xmx2g -cp app/target/newsdesk.jar:enrich/target/test-classes \
 *     io.newsdesk.enrich.extract.ExtractionHarness time ../shared/data 8
 * java -cp ... io.newsdesk.enrich.extract.ExtractionHarness dump ../shared/data out.txt
 * </pre>
 *
 * <p>{@code time} runs the whole extractor over all pages a number of rounds (the first two warm
 * the JIT and are not reported) and then the phases one by one (decode, jsoup parse, the page
 * analysis, language identification of the extracted text), printing CPU milliseconds and allocated
 * kilobytes per document of this thread (allocation is the GC's work, on other threads). {@code
 * dump} writes every page's extracted article (all its fields, as Avro prints them) or its
 * dead-letter reason, one line each, for diffing two versions byte for byte.
 */
public final class ExtractionHarness {

  /** A fixed fetch time: dates are judged against it, so the dump must not depend on the clock. */
  private static final long FETCHED_AT = 1_790_000_000_000L;

  private ExtractionHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ExtractionHarness time DATA [ROUNDS] | dump DATA OUT");
      System.exit(2);
    }
    List<RawDocument> docs = documents(Path.of(args[1]));
    switch (args[0]) {
      case "time" -> time(docs, args.length > 2 ? Integer.parseInt(args[2]) : 8, System.out);
      case "language" ->
          language(docs, args.length > 2 ? Integer.parseInt(args[2]) : 10, System.out);
      case "dump" -> {
        try (PrintStream out =
            new PrintStream(
                Files.newOutputStream(Path.of(args[2])), false, StandardCharsets.UTF_8)) {
          dump(docs, out);
        }
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  public static List<RawDocument> documents(Path data) throws IOException {
    List<RawDocument> docs = new ArrayList<>();
    // The bench's pages, read as UTF-8 and sent as UTF-8: the same bytes here.
    for (String page : BenchmarkPages.read(data).pages()) {
      int i = docs.size();
      docs.add(
          RawDocument.newBuilder()
              .setId("bench-" + i)
              .setSource("bench")
              .setUrl("http://127.0.0.1/bench/" + i + ".html")
              .setFetchedAt(FETCHED_AT)
              .setArrival(Arrival.PAGE)
              .setContentType("text/html")
              .setCharset("UTF-8")
              .setBody(ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)))
              .build());
    }
    return docs;
  }

  private static void dump(List<RawDocument> docs, PrintStream out) {
    ArticleExtractor extractor = new DispatchingArticleExtractor(ExtractorConfig.defaults());
    for (int i = 0; i < docs.size(); i++) {
      try {
        for (Article a : extractor.extractAll(docs.get(i))) {
          out.println(i + " " + a);
        }
      } catch (ExtractionException e) {
        out.println(i + " DEAD " + e.reason() + " " + e.getMessage());
      }
    }
  }

  private static void time(List<RawDocument> docs, int rounds, PrintStream out) throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    ArticleExtractor extractor = new DispatchingArticleExtractor(ExtractorConfig.defaults());
    out.printf("%d pages, %d rounds (2 warm-up)%n", docs.size(), rounds);
    double best = Double.MAX_VALUE;
    double sum = 0;
    double kbSum = 0;
    for (int r = 0; r < rounds; r++) {
      long a0 = allocatedBytes();
      long c0 = cpu.getCurrentThreadCpuTime();
      int dead = 0;
      for (RawDocument d : docs) {
        try {
          extractor.extractAll(d);
        } catch (ExtractionException e) {
          dead++;
        }
      }
      double ms = (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / docs.size();
      double kb = (allocatedBytes() - a0) / 1024.0 / docs.size();
      if (r >= 2) {
        sum += ms;
        best = Math.min(best, ms);
        kbSum += kb;
      }
      out.printf(
          "round %d: whole extractor %.3f CPU ms/doc, %.0f KB/doc allocated (%d dead)%n",
          r, ms, kb, dead);
    }
    out.printf(
        "whole extractor: mean %.3f, best %.3f CPU ms/doc, mean %.0f KB/doc allocated over rounds"
            + " 2..%d%n",
        sum / (rounds - 2), best, kbSum / (rounds - 2), rounds - 1);
    phases(docs, cpu, out);
  }

  /** Bytes this thread has allocated so far (HotSpot's counter), or 0 where it is not kept. */
  private static long allocatedBytes() {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
            && t.isThreadAllocatedMemorySupported()
        ? t.getCurrentThreadAllocatedBytes()
        : 0;
  }

  /**
   * Language identification alone, over the extracted text of every page, a number of rounds (the
   * first two warm the JIT): its share of the extractor is too small to compare in {@code time}.
   */
  private static void language(List<RawDocument> docs, int rounds, PrintStream out)
      throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    ArticleExtractor extractor =
        new DispatchingArticleExtractor(ExtractorConfig.defaults().withDetectLanguage(false));
    List<String> texts = new ArrayList<>();
    for (RawDocument d : docs) {
      try {
        texts.add(extractor.extract(d).getText());
      } catch (ExtractionException e) {
        // no text to identify
      }
    }
    LanguageIdentifier id = LanguageIdentifier.shared();
    double sum = 0;
    double best = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      for (String t : texts) {
        id.identify(t);
      }
      double ms = (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / texts.size();
      if (r >= 2) {
        sum += ms;
        best = Math.min(best, ms);
      }
      out.printf("round %d: language %.4f CPU ms/text%n", r, ms);
    }
    out.printf(
        "language identification of %d texts: mean %.4f, best %.4f CPU ms/text over rounds 2..%d%n",
        texts.size(), sum / (rounds - 2), best, rounds - 1);
  }

  /**
   * Each phase on its own over all pages, four times; the mean of the last three passes is reported
   * (the page analysis also with what it allocates).
   */
  private static void phases(List<RawDocument> docs, ThreadMXBean cpu, PrintStream out)
      throws Exception {
    HtmlArticleParser parser = new HtmlArticleParser();
    long decode = 0;
    long parse = 0;
    long analysis = 0;
    long analysisBytes = 0;
    long language = 0;
    int passes = 4;
    for (int pass = 0; pass < passes; pass++) {
      if (pass == 1) {
        decode = parse = analysis = analysisBytes = language = 0;
      }
      for (RawDocument d : docs) {
        byte[] body = JsoupArticleExtractor.bytes(d.getBody());
        long c0 = cpu.getCurrentThreadCpuTime();
        String html;
        try {
          html = CharsetDecoding.decode(body, "UTF-8", true);
        } catch (ExtractionException e) {
          continue;
        }
        long c1 = cpu.getCurrentThreadCpuTime();
        Document dom = Jsoup.parse(html, d.getUrl());
        long a2 = allocatedBytes();
        long c2 = cpu.getCurrentThreadCpuTime();
        String text = parser.parse(dom, d.getUrl()).text();
        long c3 = cpu.getCurrentThreadCpuTime();
        analysisBytes += allocatedBytes() - a2;
        LanguageIdentifier.shared().identify(text);
        long c4 = cpu.getCurrentThreadCpuTime();
        decode += c1 - c0;
        parse += c2 - c1;
        analysis += c3 - c2;
        language += c4 - c3;
      }
    }
    double n = docs.size() * 1e6 * (passes - 1);
    out.printf(
        "phases, CPU ms/doc (mean of passes 1..%d): decode %.3f, jsoup parse %.3f, analysis %.3f"
            + " (%.0f KB/doc allocated), language %.3f, sum %.3f%n",
        passes - 1,
        decode / n,
        parse / n,
        analysis / n,
        analysisBytes / 1024.0 / docs.size() / (passes - 1),
        language / n,
        (decode + parse + analysis + language) / n);
  }
}
