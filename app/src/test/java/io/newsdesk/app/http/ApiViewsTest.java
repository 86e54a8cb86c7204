package io.newsdesk.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiViewsTest {

  private static Map<String, Object> row(
      String key, long start, long articles, long mentions, Double tone, List<Long> spark) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("name", key);
    m.put("windowStart", start);
    m.put("articles", articles);
    m.put("mentions", mentions);
    m.put("meanSentiment", tone);
    m.put("spark", spark);
    return m;
  }

  @Test
  void rowsOfOneKeyFromTwoInstancesCountTogether() {
    // One instance folded a bare surname into the person; the other holds the person's own key.
    List<Map<String, Object>> merged =
        ApiViews.mergeTrending(
            List.of(
                row("PER:lucia ferreyra", 100, 1, 2, 0.5, List.of(1L)),
                row("LOC:chile", 100, 2, 3, null, List.of(2L)),
                row("PER:lucia ferreyra", 100, 2, 6, -0.5, List.of(1L, 2L)),
                row("PER:lucia ferreyra", 40, 9, 9, null, List.of())),
            100,
            10);
    assertThat(merged)
        .extracting(r -> r.get("key"))
        .containsExactly("PER:lucia ferreyra", "LOC:chile");
    Map<String, Object> person = merged.get(0);
    assertThat(person.get("articles")).isEqualTo(3L);
    assertThat(person.get("mentions")).isEqualTo(8L);
    assertThat((Double) person.get("meanSentiment")).isEqualTo(-0.25);
    assertThat(person.get("spark")).isEqualTo(List.of(1L, 3L));
  }
}
