package io.newsdesk.enrich.extract;

import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;

/**
 * Turns one raw document (HTML page, or pushed plain text) into an {@link Article}. Thread-safe.
 */
public interface ArticleExtractor {

  /**
   * Extracts the article.
   *
   * @throws ExtractionException when the document is no article, too large, or unreadable: the
   *     caller turns it into a dead letter with the exception's reason.
   */
  Article extract(RawDocument document) throws ExtractionException;

  /**
   * One article per story the document holds: a scrape may carry a second story after the first.
   * Most documents hold one, and the default is {@link #extract}.
   *
   * @throws ExtractionException as {@link #extract}
   */
  default java.util.List<Article> extractAll(RawDocument document) throws ExtractionException {
    return java.util.List.of(extract(document));
  }

  /** Name and version, recorded on every article it makes. */
  String version();
}
