package io.newsdesk.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.schema.Source;
import io.newsdesk.schema.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceCatalogTest {

  @Test
  void aSourceIsIdentifiedByItsUrlTheSameWayEverywhere() {
    Source a = SourceCatalog.source("https://example.org/feed.xml", "feed", null, null, List.of());
    Source b =
        SourceCatalog.source(" https://example.org/feed.xml ", "FEED", null, null, List.of("x"));
    assertThat(a.getId()).isEqualTo(b.getId()).hasSize(12);
    assertThat(b.getKind()).isEqualTo("feed");
    assertThat(b.getEnabled()).isTrue();
    assertThat(SourceCatalog.id("https://example.org/other.xml")).isNotEqualTo(a.getId());
  }

  @Test
  void everySourceOfAHostGoesToTheSamePartitionAndHostsSpreadOverThem() {
    int p1 = Topics.sourcePartition(SourceCatalog.host("https://News.Example.org/a.xml"), 6);
    int p2 = Topics.sourcePartition(SourceCatalog.host("http://news.example.org:8080/b"), 6);
    assertThat(p1).isEqualTo(p2).isBetween(0, 5);
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      used.add(Topics.sourcePartition("host-" + i + ".example", 6));
    }
    assertThat(used).hasSize(6);
  }

  @Test
  void intervalBoundsAndKindsAreValidated() {
    Source s =
        SourceCatalog.source(
            "https://example.org/sitemap.xml",
            "sitemap",
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            List.of());
    assertThat(s.getMinIntervalMs()).isEqualTo(5000L);
    assertThat(s.getMaxIntervalMs()).isEqualTo(60_000L);
    assertThatThrownBy(
            () -> SourceCatalog.source("https://example.org/", "podcast", null, null, List.of()))
        .hasMessageContaining("kind");
    assertThatThrownBy(
            () ->
                SourceCatalog.source(
                    "https://example.org/",
                    "feed",
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(1),
                    List.of()))
        .hasMessageContaining("maximum");
    assertThatThrownBy(() -> SourceCatalog.source("ftp://example.org/x", "feed", null, null, null))
        .hasMessageContaining("http");
  }
}
