package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalKeysTest {

  @Test
  void variantSpellingsOfOnePersonShareAKey() {
    String key = CanonicalKeys.key("PER", "Mohammed Shiaa Al-Sudani");
    assertThat(CanonicalKeys.key("PER", "Mohammad Shia al-Sudani")).isEqualTo(key);
    assertThat(CanonicalKeys.key("PER", "Muhammad Shia\u2019 Al Sudani")).isEqualTo(key);
    assertThat(CanonicalKeys.key("PER", "Muhammad Shia' Al-Sudani")).isEqualTo(key);
    assertThat(key).isEqualTo("PER:muhammad sudani");
  }

  @Test
  void middleNamesDoNotChangeAPersonsKey() {
    assertThat(CanonicalKeys.key("PER", "Fuad Mohammed Hussein"))
        .isEqualTo(CanonicalKeys.key("PER", "Fuad Hussein"))
        .isEqualTo(CanonicalKeys.key("PER", "Fouad Husain"));
  }

  @Test
  void stripsDiacriticsCaseAndArabicArticles() {
    assertThat(CanonicalKeys.key("ORG", "Al-Hadath"))
        .isEqualTo(CanonicalKeys.key("ORG", "al Hadath"));
    assertThat(CanonicalKeys.key("PER", "José Martí")).isEqualTo("PER:jose marti");
    assertThat(CanonicalKeys.key("PER", "Nouri el-Maliki")).isEqualTo("PER:nouri maliki");
  }

  @Test
  void keepsTheTypeInTheKey() {
    assertThat(CanonicalKeys.key("LOC", "Washington")).isEqualTo("LOC:washington");
    assertThat(CanonicalKeys.key("PER", "Washington"))
        .isNotEqualTo(CanonicalKeys.key("LOC", "Washington"));
  }
}
