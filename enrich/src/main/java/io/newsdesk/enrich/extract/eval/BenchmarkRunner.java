package io.newsdesk.enrich.extract.eval;

import io.newsdesk.enrich.extract.ArticleExtractor;
import io.newsdesk.enrich.extract.ArticleExtractors;
import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.enrich.extract.ExtractorConfig;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs our extractor over benchmark pages: every page in, nothing rejected for being short. */
public final class BenchmarkRunner {

  private final ArticleExtractor extractor;

  public BenchmarkRunner() {
    this(ExtractorConfig.defaults().withMinTextChars(0).withDetectLanguage(false));
  }

  public BenchmarkRunner(ExtractorConfig config) {
    this.extractor = ArticleExtractors.standard(config);
  }

  /** A raw document as the fetcher would make it from a saved page. */
  public static RawDocument page(byte[] html, String url, String charset) {
    return RawDocument.newBuilder()
        .setId(Integer.toHexString(url.hashCode()))
        .setSource("benchmark")
        .setUrl(url)
        .setFetchedAt(System.currentTimeMillis())
        .setArrival(Arrival.PAGE)
        .setContentType("text/html")
        .setCharset(charset)
        .setBody(ByteBuffer.wrap(html))
        .build();
  }

  /** The article, or null when the extractor rejected the page. */
  public Article article(byte[] html, String url, String charset) {
    try {
      return extractor.extract(page(html, url, charset));
    } catch (ExtractionException e) {
      return null;
    }
  }

  /** Main text of a decoded page (ScrapingHub pages are UTF-8). */
  public String text(String html, String url) {
    Article a = article(html.getBytes(StandardCharsets.UTF_8), url, "utf-8");
    return a == null ? "" : a.getText();
  }

  /** The trafilatura benchmark's view of one page. */
  public TrafilaturaBenchmark.Prediction predict(byte[] html, String url) {
    Article a = article(html, url, null);
    if (a == null) {
      return new TrafilaturaBenchmark.Prediction("", null, List.of(), null);
    }
    boolean dated = a.getPublishedFrom() != null && !a.getPublishedFrom().equals("fetched");
    return new TrafilaturaBenchmark.Prediction(
        a.getText(), a.getTitle(), a.getAuthors(), dated ? a.getPublished() : null);
  }
}
