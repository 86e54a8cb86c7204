package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Removal;
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

  @Override
  public List<Article> extractAll(RawDocument document) throws ExtractionException {
    byte[] body = JsoupArticleExtractor.bytes(document.getBody());
    if (body.length > config.maxBytes()) {
      throw new ExtractionException(
          ExtractionException.Reason.TOO_LARGE,
          "body has " + body.length + " bytes, limit " + config.maxBytes());
    }
    return extractAll(document, CharsetDecoding.decode(body, document.getCharset(), false));
  }

  /** Extracts from already decoded text. */
  Article extract(RawDocument document, String text) throws ExtractionException {
    return extractAll(document, text).get(0);
  }

  /**
   * One article per story of the text. The first keeps the document's id and URL; story {@code k}
   * (from 2) gets id {@code <id>-k} and URL {@code <url>#story-k}, so it is an article of its own.
   * A story too short to stand alone stays with the one before it.
   */
  List<Article> extractAll(RawDocument document, String text) throws ExtractionException {
    // Cut once, before any cleaning: a 5 MB push costs what 200,000 characters cost from here on.
    Removal cut = TextLimit.cut(text, config.maxTextChars());
    if (cut != null) {
      text = text.substring(0, text.length() - cut.getChars());
    }
    List<Article> articles = stories(document, text);
    if (cut != null) {
      Article last = articles.get(articles.size() - 1);
      List<Removal> removed = new ArrayList<>(last.getRemoved());
      removed.add(cut);
      last.setRemoved(removed);
    }
    return articles;
  }

  private List<Article> stories(RawDocument document, String text) throws ExtractionException {
    String knownTitle =
        document.getItem() != null && document.getItem().getTitle() != null
            ? document.getItem().getTitle().toString()
            : null;
    List<PushedTextCleaner.Cleaned> stories =
        cleaner.cleanStories(text, knownTitle, document.getFetchedAt());
    boolean allStand = true;
    for (PushedTextCleaner.Cleaned c : stories) {
      allStand &= c.text().length() >= config.minTextChars();
    }
    if (stories.size() == 1) {
      return List.of(article(document, stories.get(0), 1));
    }
    if (!allStand) {
      // Keep all the text in one article rather than lose a short story.
      return List.of(
          article(document, cleaner.clean(text, knownTitle, document.getFetchedAt()), 1));
    }
    List<Article> out = new ArrayList<>();
    for (int k = 0; k < stories.size(); k++) {
      out.add(article(document, stories.get(k), k + 1));
    }
    return out;
  }

  private Article article(RawDocument document, PushedTextCleaner.Cleaned cleaned, int story)
      throws ExtractionException {
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
    String suffix = story == 1 ? "" : "#story-" + story;
    return Article.newBuilder()
        .setId(story == 1 ? document.getId() : document.getId() + "-" + story)
        .setUrl(document.getUrl() + suffix)
        .setCanonicalUrl(
            document.getCanonicalUrl() == null ? null : document.getCanonicalUrl() + suffix)
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
