package io.newsdesk.enrich;

import io.newsdesk.enrich.entities.DefaultEntityTagger;
import io.newsdesk.enrich.entities.EntityTagger;
import io.newsdesk.enrich.extract.ArticleExtractor;
import io.newsdesk.enrich.extract.ArticleExtractors;
import io.newsdesk.enrich.sentiment.LexiconSentimentAnnotator;
import io.newsdesk.enrich.sentiment.SentimentAnnotator;
import java.util.Objects;

/** The thread-safe parts the topology calls for each document. */
public record EnrichComponents(
    ArticleExtractor extractor, EntityTagger tagger, SentimentAnnotator sentiment) {

  /** The shipped extractor and models (loaded once per call: share the result). */
  public static EnrichComponents standard() {
    return new EnrichComponents(
        ArticleExtractors.standard(),
        DefaultEntityTagger.loadDefault(),
        new LexiconSentimentAnnotator());
  }

  public EnrichComponents {
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(tagger, "tagger");
    Objects.requireNonNull(sentiment, "sentiment");
  }
}
