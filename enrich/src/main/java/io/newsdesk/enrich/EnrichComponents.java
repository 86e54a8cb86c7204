package io.newsdesk.enrich;

import io.newsdesk.enrich.entities.EntityTagger;
import io.newsdesk.enrich.extract.ArticleExtractor;
import io.newsdesk.enrich.sentiment.SentimentAnnotator;
import java.util.Objects;

/** The thread-safe parts the topology calls for each document. */
public record EnrichComponents(
    ArticleExtractor extractor, EntityTagger tagger, SentimentAnnotator sentiment) {

  /** The shipped extractor and models. */
  public static EnrichComponents standard() {
    return new EnrichComponents(
        io.newsdesk.enrich.extract.ArticleExtractors.standard(),
        PENDING_TAGGER,
        new io.newsdesk.enrich.sentiment.LexiconSentimentAnnotator());
  }

  // Replaced by the trained recognizer when it lands on main.
  private static final EntityTagger PENDING_TAGGER =
      new EntityTagger() {
        @Override
        public java.util.List<io.newsdesk.schema.Entity> tag(String title, String text) {
          return new java.util.ArrayList<>();
        }

        @Override
        public String version() {
          return "none";
        }
      };

  public EnrichComponents {
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(tagger, "tagger");
    Objects.requireNonNull(sentiment, "sentiment");
  }
}
