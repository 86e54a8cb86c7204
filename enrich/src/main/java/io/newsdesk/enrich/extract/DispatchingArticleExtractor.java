package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sends each document to the HTML or the plain-text extractor by content type, or by sniffing the
 * body when the type is missing or generic. Thread-safe.
 */
public final class DispatchingArticleExtractor implements ArticleExtractor {

  private static final Pattern HTML_START =
      Pattern.compile(
          "(?is)^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|meta|title|div|p|article)\\b");

  private final ExtractorConfig config;
  private final JsoupArticleExtractor html;
  private final PlainTextArticleExtractor text;

  public DispatchingArticleExtractor(ExtractorConfig config) {
    this.config = config;
    this.html = new JsoupArticleExtractor(config);
    this.text = new PlainTextArticleExtractor(config);
  }

  @Override
  public String version() {
    return html.version();
  }

  @Override
  public Article extract(RawDocument document) throws ExtractionException {
    return extractAll(document).get(0);
  }

  @Override
  public java.util.List<Article> extractAll(RawDocument document) throws ExtractionException {
    byte[] body = JsoupArticleExtractor.bytes(document.getBody());
    if (body.length > config.maxBytes()) {
      throw new ExtractionException(
          ExtractionException.Reason.TOO_LARGE,
          "body of "
              + document.getUrl()
              + " has "
              + body.length
              + " bytes, limit "
              + config.maxBytes());
    }
    if (body.length == 0) {
      throw new ExtractionException(ExtractionException.Reason.NOT_AN_ARTICLE, "empty body");
    }
    String type =
        document.getContentType() == null
            ? ""
            : document.getContentType().toString().toLowerCase(Locale.ROOT).strip();
    if (unsupported(type)) {
      throw new ExtractionException(
          ExtractionException.Reason.UNSUPPORTED_TYPE, "content type " + type + " is not text");
    }
    boolean declaredHtml = type.contains("html");
    String charset = document.getCharset() == null ? null : document.getCharset().toString();
    String decoded =
        CharsetDecoding.decode(body, charset, declaredHtml || !type.startsWith("text/plain"));
    boolean isHtml;
    if (declaredHtml) {
      isHtml = true;
    } else {
      // Untyped or "plain text" bodies that are really saved pages still go to the HTML path.
      isHtml = HTML_START.matcher(head(decoded)).find();
    }
    try {
      return isHtml
          ? java.util.List.of(html.extract(document, decoded))
          : text.extractAll(document, decoded);
    } catch (StackOverflowError e) {
      throw new ExtractionException(
          ExtractionException.Reason.TOO_LARGE, "page " + document.getUrl() + " nests too deeply");
    }
  }

  private static String head(String s) {
    return s.length() > 2048 ? s.substring(0, 2048) : s;
  }

  private static boolean unsupported(String type) {
    return type.startsWith("image/")
        || type.startsWith("video/")
        || type.startsWith("audio/")
        || type.startsWith("font/")
        || type.equals("application/pdf")
        || type.equals("application/zip")
        || type.equals("application/octet-stream")
        || type.equals("application/json")
        || type.equals("application/javascript")
        || type.equals("text/css")
        || type.equals("text/javascript");
  }
}
