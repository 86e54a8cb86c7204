package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PreciseSentimentTest {

  static TargetSentimentModel model;

  @BeforeAll
  static void load() {
    model = TargetSentimentModel.provider("precise").load();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void the_service_loader_finds_the_precise_model_by_name() {
    assertThat(TargetSentimentModel.provider("precise"))
        .isInstanceOf(PreciseSentimentProvider.class);
    assertThat(model.version()).startsWith("minilm-l6-newsmtsc");
  }

  @Test
  void an_unknown_model_fails_fast_saying_how_to_build_one() {
    assertThatThrownBy(() -> TargetSentimentModel.provider("exact"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-Pprecise");
  }

  @Test
  void one_label_per_target_even_for_many_targets_in_one_sentence() {
    String s = "Judge Alvarez fined Norvik Shipping and praised the harbour workers' union.";
    int[] labels =
        model.predict(s, List.of(new int[] {0, 13}, new int[] {20, 35}, new int[] {53, 73}));
    assertThat(labels).hasSize(3);
    assertThat(java.util.Arrays.stream(labels).boxed().toList()).allMatch(l -> l >= 0 && l <= 2);
    assertThat(model.predict(s, List.of())).isEmpty();
  }

  @Test
  void probabilities_sum_to_one_and_agree_with_the_labels() {
    String s = "Judge Alvarez fined Norvik Shipping and praised the harbour workers' union.";
    List<int[]> targets = List.of(new int[] {0, 13}, new int[] {20, 35}, new int[] {53, 73});
    double[][] p = model.probabilities(s, targets);
    int[] labels = model.predict(s, targets);
    assertThat(p).hasNumberOfRows(3);
    for (int i = 0; i < p.length; i++) {
      assertThat(p[i][0] + p[i][1] + p[i][2]).isCloseTo(1.0, within(1e-9));
      int best = p[i][0] >= p[i][1] && p[i][0] >= p[i][2] ? 0 : p[i][1] >= p[i][2] ? 1 : 2;
      assertThat(best).isEqualTo(labels[i]);
    }
    assertThat(model.probabilities(s, List.of())).isEmpty();
  }

  @Test
  void clear_cases_get_their_obvious_polarity() {
    // Own sentences, one target each: (sentence, target, expected label 0 negative .. 2 positive).
    List<Object[]> cases =
        List.of(
            new Object[] {
              "Prosecutors say Delmont ran a fraud that stole the savings of retirees.",
              "Delmont",
              0
            },
            new Object[] {"Kessler was convicted of assault and bribery on Tuesday.", "Kessler", 0},
            new Object[] {
              "Voters booed Ms. Farrow, calling her a liar and a disgrace.", "Ms. Farrow", 0
            },
            new Object[] {
              "Colleagues celebrated Dr. Iwu as a brilliant, generous and honest leader.",
              "Dr. Iwu",
              2
            },
            new Object[] {
              "Firefighter Lena Ortiz was hailed as a hero for saving three children.",
              "Lena Ortiz",
              2
            },
            new Object[] {
              "The committee will meet Mr. Brandt on Thursday in the capital.", "Mr. Brandt", 1
            });
    int right = 0;
    for (Object[] c : cases) {
      String s = (String) c[0];
      int from = s.indexOf((String) c[1]);
      int[] label = model.predict(s, List.of(new int[] {from, from + ((String) c[1]).length()}));
      right += label[0] == (int) c[2] ? 1 : 0;
    }
    assertThat(right).as("clear cases right out of %d", cases.size()).isGreaterThanOrEqualTo(5);
  }
}
