package io.newsdesk.enrich.extract;

import io.newsdesk.enrich.extract.html.HtmlArticleParser;
import io.newsdesk.enrich.extract.html.PageMetadata;
import io.newsdesk.enrich.extract.html.Removals;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Removal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts an article from an HTML page with jsoup: structured data checked against the DOM,
 * content scoring, a boilerplate pass and a recall fallback. Thread-safe.
 */
public final class JsoupArticleExtractor implements ArticleExtractor {

  static final String NAME = "jsoup-extractor";
  static final String VERSION = "1.0";
  private static final Logger LOG = LoggerFactory.getLogger(JsoupArticleExtractor.class);
  // Looked up once: the platform's look-up builds a stream on every call.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean THREAD_CPU = THREADS.isCurrentThreadCpuTimeSupported();

  private final ExtractorConfig config;
  private final HtmlArticleParser parser = new HtmlArticleParser();

  public JsoupArticleExtractor(ExtractorConfig config) {
    this.config = config;
  }

  @Override
  public String version() {
    return NAME + "/" + VERSION;
  }

  @Override
  public Article extract(RawDocument document) throws ExtractionException {
    byte[] body = bytes(document.getBody());
    if (body.length > config.maxBytes()) {
      throw new ExtractionException(
          ExtractionException.Reason.TOO_LARGE,
          "body has " + body.length + " bytes, limit " + config.maxBytes());
    }
    String html = CharsetDecoding.decode(body, document.getCharset(), true);
    return extract(document, html);
  }

  /** Extracts from already decoded HTML. */
  Article extract(RawDocument document, String html) throws ExtractionException {
    long start = cpuNanos();
    Document dom = Jsoup.parse(html, document.getUrl());
    checkBudget(start, document, "parse");
    HtmlArticleParser.Parsed parsed = parser.parse(dom, document.getUrl());
    checkBudget(start, document, "analysis");
    String text = parsed.text();
    Removal cut = TextLimit.cut(text, config.maxTextChars());
    if (cut != null) {
      text = text.substring(0, text.length() - cut.getChars());
    }
    if (text.length() < config.minTextChars()) {
      throw new ExtractionException(
          ExtractionException.Reason.NOT_AN_ARTICLE,
          "only " + text.length() + " characters of main text");
    }
    PageMetadata meta = parsed.metadata();
    ArticleDates.Dated date = ArticleDates.choose(meta.published(), meta.publishedFrom(), document);
    String language = language(meta.language(), text);
    List<String> authors = new ArrayList<>(meta.authors());
    if (authors.isEmpty() && document.getItem() != null) {
      for (CharSequence a : document.getItem().getAuthors()) {
        authors.add(a.toString());
      }
    }
    String title = meta.title();
    if (title == null && document.getItem() != null && document.getItem().getTitle() != null) {
      title = document.getItem().getTitle().toString();
    }
    LOG.debug(
        "Extracted {} chars from {} via {}", text.length(), document.getUrl(), parsed.textSource());
    return Article.newBuilder()
        .setId(document.getId())
        .setUrl(document.getUrl())
        .setCanonicalUrl(meta.canonicalUrl())
        .setSource(document.getSource())
        .setArrival(document.getArrival())
        .setFetchedAt(document.getFetchedAt())
        .setTitle(title)
        .setAuthors(authors)
        .setPublished(date.epochMillis())
        .setPublishedFrom(date.from())
        .setModified(ArticleDates.modified(meta.modified(), document))
        .setLanguage(language)
        .setImage(meta.image())
        .setSiteName(meta.siteName())
        .setDescription(meta.description())
        .setPlaceHint(null)
        .setText(text)
        .setRemoved(removed(parsed, cut))
        .setExtractor(version())
        .build();
  }

  private static List<Removal> removed(HtmlArticleParser.Parsed parsed, Removal cut) {
    List<Removal> out = new ArrayList<>();
    for (Removals.Entry e : parsed.removed()) {
      out.add(new Removal(e.reason(), e.count(), e.sample(), e.chars()));
    }
    if (cut != null) {
      out.add(cut);
    }
    return out;
  }

  private String language(String declared, String text) {
    if (config.detectLanguage()) {
      var detected = LanguageIdentifier.shared().identify(text);
      if (detected.isPresent()) {
        return detected.get();
      }
    }
    return declared;
  }

  /**
   * This thread's CPU time: what a pathological page burns. Wall time would also count the time the
   * thread waits for a core, and on a loaded machine turn ordinary pages into dead letters.
   */
  private static long cpuNanos() {
    return THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private void checkBudget(long start, RawDocument document, String phase)
      throws ExtractionException {
    long elapsed = cpuNanos() - start;
    if (elapsed > config.timeBudget().toNanos()) {
      // Compared in nanoseconds: in whole milliseconds a page that took under 1 ms would pass any
      // budget, as a sub-millisecond budget rounds to 0 and so does its elapsed time.
      throw new ExtractionException(
          ExtractionException.Reason.TOO_LARGE,
          "page "
              + document.getUrl()
              + " took "
              + String.format(java.util.Locale.ROOT, "%.3f", elapsed / 1e6)
              + " ms of CPU by "
              + phase
              + ", budget "
              + String.format(java.util.Locale.ROOT, "%.3f", config.timeBudget().toNanos() / 1e6)
              + " ms");
    }
  }

  /**
   * The bytes of {@code buffer}: its own array when the buffer spans all of it; not to be written.
   */
  static byte[] bytes(ByteBuffer buffer) {
    // A decoded record's body is a buffer over an array of its own: read it in place, without
    // a copy of the page (callers only read the bytes).
    if (buffer.hasArray()
        && buffer.arrayOffset() == 0
        && buffer.position() == 0
        && buffer.remaining() == buffer.array().length) {
      return buffer.array();
    }
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
