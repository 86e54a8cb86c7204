package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import java.util.ArrayList;
import java.util.List;

/** Makes an article of pushed plain text, cleaned by {@link PushedTextCleaner}. Thread-safe. */
public final class PlainTextArticleExtractor implements ArticleExtractor {

  static final String NAME = "plaintext-cleaner";

  private final ExtractorConfig config;
  private final PushedTextCleaner cleaner = new PushedTextCleaner();

  public PlainTextArticleExtractor(ExtractorConfig config) {
    this.config = config;
  }

  @Override
  public String version() {
    return NAME + "/" + JsoupArticleExtractor.VERSION;
  }

  @Override
  public Article extract(RawDocument document) throws ExtractionException {
    byte[] body = JsoupArticleExtractor.bytes(document.getBody());
    if (body.length > config.maxBytes()) {
      throw new ExtractionException(
          ExtractionException.Reason.TOO_LARGE,
          "body has " + body.length + " bytes, limit " + config.maxBytes());
    }
    return extract(document, CharsetDecoding.decode(body, document.getCharset(), false));
  }

  /** Extracts from already decoded text. */
  Article extract(RawDocument document, String text) throws ExtractionException {
    String knownTitle =
        document.getItem() != null && document.getItem().getTitle() != null
            ? document.getItem().getTitle().toString()
            : null;
    PushedTextCleaner.Cleaned cleaned = cleaner.clean(text, knownTitle, document.getFetchedAt());
    if (cleaned.text().length() < config.minTextChars()) {
      throw new ExtractionException(
          ExtractionException.Reason.NOT_AN_ARTICLE,
          "only " + cleaned.text().length() + " characters of text after cleaning");
    }
    ArticleDates.Dated date =
        ArticleDates.choose(
            cleaned.published(), cleaned.published() == null ? null : "text", document);
    List<String> authors = new ArrayList<>();
    if (document.getItem() != null) {
      for (CharSequence a : document.getItem().getAuthors()) {
        authors.add(a.toString());
      }
    }
    String language = null;
    if (config.detectLanguage()) {
      language = LanguageIdentifier.shared().identify(cleaned.text()).orElse(null);
    }
    if (language == null
        && document.getItem() != null
        && document.getItem().getLanguage() != null) {
      language = document.getItem().getLanguage().toString();
    }
    return Article.newBuilder()
        .setId(document.getId())
        .setUrl(document.getUrl())
        .setCanonicalUrl(document.getCanonicalUrl())
        .setSource(document.getSource())
        .setArrival(document.getArrival())
        .setFetchedAt(document.getFetchedAt())
        .setTitle(cleaned.title())
        .setAuthors(authors)
        .setPublished(date.epochMillis())
        .setPublishedFrom(date.from())
        .setModified(null)
        .setLanguage(language)
        .setImage(document.getItem() == null ? null : str(document.getItem().getImageUrl()))
        .setSiteName(null)
        .setDescription(null)
        .setPlaceHint(cleaned.placeHint())
        .setText(cleaned.text())
        .setRemoved(cleaned.removed())
        .setExtractor(version())
        .build();
  }

  private static String str(CharSequence s) {
    return s == null ? null : s.toString();
  }
}
