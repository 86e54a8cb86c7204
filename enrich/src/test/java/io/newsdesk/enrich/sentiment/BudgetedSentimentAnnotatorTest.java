package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetedSentimentAnnotatorTest {

  private static final String TEXT =
      "Ana Ruiz opened the new clinic. Critics said Tom Berg delayed it for years. Ana Ruiz thanked the nurses.";

  /**
   * A plugged-in model that reads each target's own mention: positive when the sentence also says
   * "thanked", and records what it was asked.
   */
  private static final class Recording implements TargetSentimentModel {
    final List<String> asked = new ArrayList<>();

    @Override
    public int[] predict(String sentence, List<int[]> targets) {
      int[] out = new int[targets.size()];
      for (int i = 0; i < out.length; i++) {
        int[] s = targets.get(i);
        asked.add(sentence.substring(s[0], s[1]));
        out[i] = sentence.contains("thanked") ? 2 : 1;
      }
      return out;
    }

    @Override
    public String version() {
      return "recording";
    }
  }

  private static Entity entity(String key, double salience, String mention) {
    List<Mention> ms = new ArrayList<>();
    for (int at = TEXT.indexOf(mention); at >= 0; at = TEXT.indexOf(mention, at + 1)) {
      ms.add(new Mention(mention, at, at + mention.length()));
    }
    return Entity.newBuilder()
        .setKey(key)
        .setCanonical(mention)
        .setType("PER")
        .setMentions(ms)
        .setCount(ms.size())
        .setSalience(salience)
        .build();
  }

  @Test
  void only_the_most_salient_entities_within_the_budget_go_through_the_precise_model() {
    Recording precise = new Recording();
    var annotator = new BudgetedSentimentAnnotator(new LexiconSentimentAnnotator(), precise, 1);
    List<Entity> es =
        new ArrayList<>(
            List.of(
                entity("PER:tom berg", 0.3, "Tom Berg"), entity("PER:ana ruiz", 0.9, "Ana Ruiz")));
    annotator.annotate(TEXT, es);
    // Ana Ruiz, the more salient, was scored sentence by sentence, with spans inside each sentence.
    assertThat(precise.asked).containsExactly("Ana Ruiz", "Ana Ruiz");
    // One neutral and one positive sentence: a tie broken towards the first label, score +1/2.
    assertThat(es.get(1).getSentiment().getScore()).isEqualTo(0.5);
    // Tom Berg keeps the fast model's sentiment.
    assertThat(es.get(0).getSentiment()).isNotNull();
    assertThat(annotator.version()).endsWith("+recording@1");
  }

  @Test
  void a_budget_of_zero_sends_every_entity() {
    Recording precise = new Recording();
    var annotator = new BudgetedSentimentAnnotator(new LexiconSentimentAnnotator(), precise, 0);
    List<Entity> es =
        new ArrayList<>(
            List.of(
                entity("PER:tom berg", 0.3, "Tom Berg"), entity("PER:ana ruiz", 0.9, "Ana Ruiz")));
    annotator.annotate(TEXT, es);
    assertThat(precise.asked).containsExactlyInAnyOrder("Ana Ruiz", "Ana Ruiz", "Tom Berg");
    assertThat(es.get(0).getSentiment().getLabel()).isEqualTo("neutral");
  }

  @Test
  void a_negative_budget_is_refused() {
    assertThatThrownBy(
            () ->
                new BudgetedSentimentAnnotator(
                    new LexiconSentimentAnnotator(), new Recording(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
