package io.newsdesk.enrich.extract;

/** The one place that builds extractors. */
public final class ArticleExtractors {

  private ArticleExtractors() {}

  /** HTML and plain text, chosen per document, with the default limits. */
  public static ArticleExtractor standard() {
    return standard(ExtractorConfig.defaults());
  }

  /** HTML and plain text, chosen per document. */
  public static ArticleExtractor standard(ExtractorConfig config) {
    return new DispatchingArticleExtractor(config);
  }
}
