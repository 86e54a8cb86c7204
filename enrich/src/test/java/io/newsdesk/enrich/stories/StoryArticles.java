package io.newsdesk.enrich.stories;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.Tone;
import java.util.ArrayList;
import java.util.List;

/** Enriched articles built directly, for the story tests: only what story matching reads. */
final class StoryArticles {

  private StoryArticles() {}

  static Entity entity(String key, String canonical, String type, double salience) {
    return Entity.newBuilder()
        .setKey(key)
        .setCanonical(canonical)
        .setType(type)
        .setMentions(List.of(new Mention(canonical, 0, canonical.length())))
        .setCount(2)
        .setSalience(salience)
        .build();
  }

  static EnrichedArticle article(String id, String title, String text, Entity... e) {
    Article a =
        Article.newBuilder()
            .setId(id)
            .setUrl("https://example.org/" + id)
            .setSource("test")
            .setArrival(Arrival.FEED)
            .setFetchedAt(0L)
            .setTitle(title)
            .setText(text)
            .setExtractor("test")
            .build();
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEntities(new ArrayList<>(List.of(e)))
        .setTone(new Tone(-1.5, 1.0, 2.5, 3.5, 20.0, 1.0, 100))
        .setEnrichedAt(0L)
        .build();
  }
}
