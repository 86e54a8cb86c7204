package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntitySentiment;
import io.newsdesk.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LexiconSentimentAnnotatorTest {

  private static final String TEXT =
      "Prosecutors accused Johnson of fraud and corruption. "
          + "Critics praised Merkel for her calm and courageous leadership. "
          + "Macron arrived in Berlin on Tuesday.";

  private final LexiconSentimentAnnotator annotator = new LexiconSentimentAnnotator();

  private static Entity entity(String text, String... mentions) {
    List<Mention> ms = new ArrayList<>();
    int from = 0;
    for (String m : mentions) {
      int at = text.indexOf(m, from);
      ms.add(new Mention(m, at, at + m.length()));
      from = at + 1;
    }
    return Entity.newBuilder()
        .setKey("PER:" + mentions[0])
        .setCanonical(mentions[0])
        .setType("PER")
        .setMentions(ms)
        .setCount(ms.size())
        .setSalience(0.5)
        .build();
  }

  private static List<Entity> entities() {
    return new ArrayList<>(
        List.of(
            entity(TEXT, "Johnson"),
            entity(TEXT, "Merkel", "her"),
            entity(TEXT, "Macron"),
            entity(TEXT, "Berlin")));
  }

  @Test
  void annotateSetsSentimentOnEveryEntityFromItsMentions() {
    List<Entity> es = entities();
    annotator.annotate(TEXT, es);
    assertThat(es).allSatisfy(e -> assertThat(e.getSentiment()).isNotNull());
    assertThat(es.get(0).getSentiment().getLabel()).isEqualTo("negative");
    assertThat(es.get(0).getSentiment().getScore()).isNegative();
    assertThat(es.get(1).getSentiment().getLabel()).isEqualTo("positive");
    assertThat(es.get(1).getSentiment().getScore()).isPositive();
    assertThat(es.get(2).getSentiment().getLabel()).isEqualTo("neutral");
    assertThat(es).allSatisfy(e -> assertThat(e.getSentiment().getScore()).isBetween(-1.0, 1.0));
  }

  @Test
  void entityWithoutMentionsInTextIsNeutral() {
    Entity ghost =
        Entity.newBuilder()
            .setKey("PER:Ghost")
            .setCanonical("Ghost")
            .setType("PER")
            .setMentions(List.of(new Mention("Ghost", 5000, 5005)))
            .setCount(1)
            .setSalience(0.1)
            .build();
    List<Entity> es = new ArrayList<>(List.of(ghost));
    annotator.annotate(TEXT, es);
    assertThat(es.get(0).getSentiment()).isEqualTo(new EntitySentiment("neutral", 0.0));
  }

  @Test
  void annotateIsThreadSafeAndDeterministic() throws Exception {
    List<Entity> expected = entities();
    annotator.annotate(TEXT, expected);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Entity>>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        futures.add(
            pool.submit(
                () -> {
                  List<Entity> es = entities();
                  annotator.annotate(TEXT, es);
                  return es;
                }));
      }
      for (Future<List<Entity>> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void versionNamesToneAndModel() {
    assertThat(annotator.version()).startsWith("tone-vader-news-1+newsmtsc-logreg-");
  }
}
