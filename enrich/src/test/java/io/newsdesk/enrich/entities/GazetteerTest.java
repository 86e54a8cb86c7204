package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static Gazetteer lists(String text) throws Exception {
    return Gazetteer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void marksTheLongestListedPhraseWithBiluPositions() throws Exception {
    Gazetteer g = lists("CITY\tPort Elmsley|Elmsley\nFIRST\tMarta\n");
    int city = 0;
    byte[][] m = g.match(new String[] {"marta", "left", "port", "elmsley", "today"});
    assertThat(m[2][city]).isEqualTo((byte) 1); // B
    assertThat(m[3][city]).isEqualTo((byte) 3); // L, not U: the longer name wins
    assertThat(m[4][city]).isZero();
    assertThat(m[0][1]).isEqualTo((byte) 4); // U of FIRST
    assertThat(m[1][1]).isZero();
  }

  @Test
  void aPrefixOfAListedPhraseIsNoMatch() throws Exception {
    Gazetteer g = lists("ORG\tNorth Atlantic Treaty Organisation\n");
    byte[][] m = g.match(new String[] {"north", "atlantic", "treaty"});
    for (byte[] row : m) {
      assertThat(row[0]).isZero();
    }
    assertThat(g.contains("ORG", List.of("north", "atlantic", "treaty", "organisation"))).isTrue();
    assertThat(g.contains("ORG", List.of("north", "atlantic"))).isFalse();
  }

  @Test
  void theShippedGazetteerHoldsTheOpenListsBesideTheHandList() {
    Gazetteer g = Gazetteer.loadDefault();
    assertThat(g.categoryCount()).isLessThanOrEqualTo(30);
    assertThat(g.contains("GEO_COUNTRY", List.of("burkina", "faso"))).isTrue();
    assertThat(g.contains("FIRST_F", List.of("margaret"))).isTrue();
    assertThat(g.contains("SURNAME", List.of("johnson"))).isTrue();
    assertThat(g.contains("GEO_CITY_BIG", List.of("rotterdam"))).isTrue();
    assertThat(g.contains("COUNTRY", List.of("france"))).isTrue(); // the hand list
    assertThat(g.prefixCount()).isGreaterThan(100_000);
  }
}
