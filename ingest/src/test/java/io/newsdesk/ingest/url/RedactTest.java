package io.newsdesk.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {

  @Test
  void aKeyedUrlKeepsNoSecretButTellsDistinctSecretsApart() {
    String a = Redact.keyed("https://bob:pw1@news.example/a?access_token=T-one&id=7");
    String b = Redact.keyed("https://bob:pw2@news.example/a?access_token=T-two&id=7");
    assertThat(a).doesNotContain("pw1", "T-one", "bob").startsWith("https://h").contains("&id=7");
    assertThat(b).doesNotContain("pw2", "T-two");
    assertThat(a).isNotEqualTo(b);
    assertThat(Redact.keyed("https://bob:pw1@news.example/a?access_token=T-one&id=7")).isEqualTo(a);
  }

  @Test
  void aUrlWithoutSecretsIsItsOwnKey() {
    String url = "https://news.example/2024/05/story.html?page=2";
    assertThat(Redact.keyed(url)).isEqualTo(url);
  }
}
