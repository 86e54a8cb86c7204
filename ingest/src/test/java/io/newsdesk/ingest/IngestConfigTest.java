package io.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

  @Test
  void defaultsArePoliteAndNameTheProject() {
    IngestConfig c = IngestConfig.defaults();
    assertThat(c.userAgent()).startsWith("Newsdesk/").contains("+https://");
    assertThat(c.robotsAgentName()).isEqualTo("newsdesk");
    assertThat(c.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(c.maxRedirects()).isEqualTo(5);
    assertThat(c.perHostMinDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.perHostConnections()).isEqualTo(1);
    assertThat(c.pushBindAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void validationNamesTheOffendingKey() {
    assertThatThrownBy(() -> IngestConfig.builder().maxBodyBytes(0).build())
        .hasMessageContaining("'maxBodyBytes'");
    assertThatThrownBy(() -> IngestConfig.builder().perHostMinDelay(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("'perHostMinDelay'");
    assertThatThrownBy(
            () ->
                IngestConfig.builder()
                    .minPollInterval(Duration.ofHours(2))
                    .maxPollInterval(Duration.ofHours(1))
                    .build())
        .hasMessageContaining("'maxPollInterval'");
    assertThatThrownBy(() -> IngestConfig.builder().userAgent(" ").build())
        .hasMessageContaining("'userAgent'");
  }
}
