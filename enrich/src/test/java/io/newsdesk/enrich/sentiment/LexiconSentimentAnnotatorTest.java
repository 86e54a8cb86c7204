package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntitySentiment;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.Tone;
import java.time.Duration;
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
  void datesAndAmountsCarryNoSentiment() {
    String text = "Critics praised Merkel on Tuesday for a $5 million fund.";
    List<Entity> es =
        new ArrayList<>(
            List.of(
                typed(entity(text, "Merkel"), "PER"),
                typed(entity(text, "Tuesday"), "DATE"),
                typed(entity(text, "$5 million"), "MONEY"),
                typed(entity(text, "5"), "AMOUNT")));
    annotator.annotate(text, es);
    assertThat(es.get(0).getSentiment()).isNotNull();
    assertThat(es.subList(1, 4)).allSatisfy(e -> assertThat(e.getSentiment()).isNull());
  }

  @Test
  void nameDenseMegabyteTextIsAnnotatedInLinearTime() {
    // One run-on sentence of 40,000 mentions of 8,000 people, then 20,000 short sentences that
    // each name two of them: hours for a per-target scan of every token against every mention.
    StringBuilder text = new StringBuilder();
    List<List<Mention>> mentions = new ArrayList<>();
    int people = 8_000;
    for (int k = 0; k < people; k++) {
      mentions.add(new ArrayList<>());
    }
    String[] verbs = {" praised ", " attacked ", " met ", " and "};
    for (int i = 0; i < 40_000; i++) {
      mention(text, mentions, (i * 7) % people);
      text.append(verbs[i % verbs.length]);
    }
    text.append("Smith.");
    for (int i = 0; i < 20_000; i++) {
      text.append(' ');
      mention(text, mentions, (i * 13) % people);
      text.append(verbs[i % 3]);
      mention(text, mentions, (i * 17 + 1) % people);
      text.append(" on Monday.");
    }
    assertThat(text.length()).isGreaterThan(1_000_000);
    List<Entity> es = new ArrayList<>();
    for (int k = 0; k < people; k++) {
      es.add(
          Entity.newBuilder()
              .setKey("PER:p" + k)
              .setCanonical("Person" + k)
              .setType("PER")
              .setMentions(mentions.get(k))
              .setCount(mentions.get(k).size())
              .setSalience(0.1)
              .build());
    }
    // Generous: linear work takes a second or two; the quadratic kind took hours.
    assertTimeoutPreemptively(
        Duration.ofSeconds(60), () -> annotator.annotate(text.toString(), es));
    assertThat(es).allSatisfy(e -> assertThat(e.getSentiment()).isNotNull());
    assertThat(es).allSatisfy(e -> assertThat(e.getSentiment().getScore()).isBetween(-1.0, 1.0));
  }

  private static void mention(StringBuilder text, List<List<Mention>> mentions, int k) {
    String name = "Person" + k;
    mentions.get(k).add(new Mention(name, text.length(), text.length() + name.length()));
    text.append(name);
  }

  private static Entity typed(Entity e, String type) {
    e.setType(type);
    return e;
  }

  @Test
  void versionNamesToneAndModel() {
    assertThat(annotator.version()).startsWith("tone-vader-news-1+newsmtsc-net");
  }

  /** One pass for both gives every entity's sentiment and the tone exactly as two calls do. */
  @Test
  void annotateWithToneGivesWhatAnnotateThenToneGive() {
    String text =
        TEXT
            + " But Johnson said he was not worried at all.\n\nMerkel did not comment. "
            + "Berlin, however, was very happy; Macron was furious.";
    for (String t : new String[] {TEXT, text, "", "Macron."}) {
      List<Entity> apart = entities(t);
      annotator.annotate(t, apart);
      Tone tone = annotator.tone(t);
      List<Entity> together = entities(t);
      assertThat(annotator.annotateWithTone(t, together)).isEqualTo(tone);
      assertThat(together).isEqualTo(apart);
    }
    assertThat(annotator.annotateWithTone(TEXT, List.of())).isEqualTo(annotator.tone(TEXT));
    assertThat(annotator.annotateWithTone(null, null)).isEqualTo(annotator.tone(null));
  }

  /**
   * The entities of {@link #entities()} found in {@code text} (those it does not name left out).
   */
  private static List<Entity> entities(String text) {
    List<Entity> out = new ArrayList<>();
    for (String name : new String[] {"Johnson", "Merkel", "Macron", "Berlin"}) {
      if (text.contains(name)) {
        out.add(entity(text, name));
      }
    }
    return out;
  }
}
