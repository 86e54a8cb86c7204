package io.newsdesk.enrich;

import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.enrich.extract.ExtractorConfig;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Removal;
import io.newsdesk.schema.Tone;
import io.newsdesk.schema.WorkLimits;
import java.util.ArrayList;
import java.util.Comparator;
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
  private final DocumentLimits limits;
  private final Map<String, String> versions;

  /** With {@link DocumentLimits#defaults()}. */
  public ArticleEnricher(EnrichComponents components) {
    this(components, DocumentLimits.defaults());
  }

  public ArticleEnricher(EnrichComponents components, DocumentLimits limits) {
    this.components = components;
    this.limits = limits;
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
    long t0 = System.nanoTime();
    List<Article> articles;
    try {
      articles = components.extractor().extractAll(raw);
    } finally {
      StageTimers.EXTRACT.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
    List<EnrichedArticle> out = new ArrayList<>(articles.size());
    for (Article article : articles) {
      out.add(annotate(article, now));
    }
    return out;
  }

  /**
   * Entities, per-entity sentiment and tone for an already extracted article, within the {@link
   * DocumentLimits}; what was cut is recorded in {@code limits}.
   */
  public EnrichedArticle annotate(Article article, long now) {
    String text = article.getText();
    String analysed = limits.analysed(text);
    long t0 = System.nanoTime();
    List<Entity> entities = components.tagger().tag(article.getTitle(), analysed);
    long t1 = System.nanoTime();
    int entitiesDropped = 0;
    if (entities.size() > limits.maxEntities()) {
      entitiesDropped = entities.size() - limits.maxEntities();
      entities = mostSalient(entities, limits.maxEntities());
    }
    List<Entity> targets =
        entities.size() <= limits.maxTargets()
            ? entities
            : mostSalient(entities, limits.maxTargets());
    int targetsSkipped = entities.size() - targets.size();
    Tone tone = components.sentiment().annotateWithTone(analysed, targets);
    int mentionsDropped = 0;
    for (Entity e : entities) {
      int n = e.getMentions().size();
      if (n > limits.maxMentionsPerEntity()) {
        mentionsDropped += n - limits.maxMentionsPerEntity();
        e.setMentions(new ArrayList<>(e.getMentions().subList(0, limits.maxMentionsPerEntity())));
      }
    }
    StageTimers.ENTITIES.record(t1 - t0, TimeUnit.NANOSECONDS);
    StageTimers.SENTIMENT.record(System.nanoTime() - t1, TimeUnit.NANOSECONDS);
    int textLimitChars = textLimitChars(article);
    boolean cut =
        analysed.length() < text.length()
            || textLimitChars > 0
            || entitiesDropped > 0
            || mentionsDropped > 0
            || targetsSkipped > 0;
    return EnrichedArticle.newBuilder()
        .setArticle(article)
        .setEntities(entities)
        .setTone(tone)
        .setVersions(new LinkedHashMap<>(versions))
        .setEnrichedAt(now)
        .setLimits(
            cut
                ? new WorkLimits(
                    text.length() + textLimitChars,
                    analysed.length(),
                    entitiesDropped,
                    mentionsDropped,
                    targetsSkipped)
                : null)
        .build();
  }

  /** Characters extraction left out of the article's text at its text cap (0 when none). */
  private static int textLimitChars(Article article) {
    int chars = 0;
    for (Removal r : article.getRemoved()) {
      if (ExtractorConfig.TEXT_LIMIT_REASON.equals(r.getReason())) {
        chars += r.getChars();
      }
    }
    return chars;
  }

  /** The {@code n} most salient of {@code entities}, in their original order. */
  private static List<Entity> mostSalient(List<Entity> entities, int n) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingDouble((Integer i) -> -entities.get(i).getSalience())
            .thenComparingInt(i -> -entities.get(i).getCount())
            .thenComparingInt(i -> i));
    boolean[] keep = new boolean[entities.size()];
    for (int k = 0; k < n; k++) {
      keep[order.get(k)] = true;
    }
    List<Entity> out = new ArrayList<>(n);
    for (int i = 0; i < entities.size(); i++) {
      if (keep[i]) {
        out.add(entities.get(i));
      }
    }
    return out;
  }

  /** The caps this enricher applies. */
  public DocumentLimits limits() {
    return limits;
  }

  public Map<String, String> versions() {
    return versions;
  }
}
