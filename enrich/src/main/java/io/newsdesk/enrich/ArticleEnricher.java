package io.newsdesk.enrich;

import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Tone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stateless part of enrich for one document: extract, tag entities, score sentiment. Used by
 * the topology and by {@code newsdesk tag}/{@code bench}.
 */
public final class ArticleEnricher {

  private final EnrichComponents components;
  private final Map<String, String> versions;

  public ArticleEnricher(EnrichComponents components) {
    this.components = components;
    Map<String, String> v = new LinkedHashMap<>();
    v.put("extractor", components.extractor().version());
    v.put("entities", components.tagger().version());
    v.put("sentiment", components.sentiment().version());
    this.versions = Map.copyOf(v);
  }

  /** Extracts and enriches; duplicate and story links are left to the stateful steps. */
  public EnrichedArticle enrich(RawDocument raw, long now) throws ExtractionException {
    long t0 = System.nanoTime();
    Article article;
    try {
      article = components.extractor().extract(raw);
    } finally {
      StageTimers.EXTRACT.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
    return annotate(article, now);
  }

  /** Extracts every story of the document (most hold one) and enriches each as an article. */
  public List<EnrichedArticle> enrichAll(RawDocument raw, long now) throws ExtractionException {
    List<EnrichedArticle> out = new java.util.ArrayList<>();
    for (Article article : components.extractor().extractAll(raw)) {
      out.add(annotate(article, now));
    }
    return out;
  }

  /** Entities, per-entity sentiment and tone for an already extracted article. */
  public EnrichedArticle annotate(Article article, long now) {
    String text = article.getText();
    long t0 = System.nanoTime();
    List<Entity> entities = components.tagger().tag(article.getTitle(), text);
    long t1 = System.nanoTime();
    components.sentiment().annotate(text, entities);
    Tone tone = components.sentiment().tone(text);
    StageTimers.ENTITIES.record(t1 - t0, TimeUnit.NANOSECONDS);
    StageTimers.SENTIMENT.record(System.nanoTime() - t1, TimeUnit.NANOSECONDS);
    return EnrichedArticle.newBuilder()
        .setArticle(article)
        .setEntities(entities)
        .setTone(tone)
        .setVersions(new LinkedHashMap<>(versions))
        .setEnrichedAt(now)
        .build();
  }

  public Map<String, String> versions() {
    return versions;
  }
}
