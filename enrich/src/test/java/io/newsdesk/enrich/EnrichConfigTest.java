package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

  @Test
  void runsExactlyOnceByDefault() {
    EnrichConfig c = EnrichConfig.defaults("k:9092", Path.of("state"));
    assertThat(c.streamsProperties().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void givesASlowTransactionAMinuteInsteadOfStreamsTenSeconds() {
    EnrichConfig c = EnrichConfig.defaults("k:9092", Path.of("state"));
    // What the stream threads' producers get after Streams applied its exactly-once defaults.
    Map<String, Object> producer =
        new StreamsConfig(c.streamsProperties()).getProducerConfigs("enrich-producer");
    assertThat(producer.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)).isEqualTo(60_000);
  }

  @Test
  void namesTheOffendingKeyOfAnInvalidSetting() {
    EnrichConfig d = EnrichConfig.defaults("k:9092", Path.of("state"));
    assertThatThrownBy(
            () ->
                new EnrichConfig(
                    "k:9092",
                    d.applicationId(),
                    d.stateDir(),
                    0,
                    d.commitInterval(),
                    d.duplicateRetention(),
                    d.nearDuplicates(),
                    d.stories(),
                    null,
                    EnrichConfig.DEFAULT_PARTITIONS))
        .hasMessageContaining("enrich.threads");
    assertThatThrownBy(
            () ->
                new EnrichConfig(
                    " ",
                    d.applicationId(),
                    d.stateDir(),
                    1,
                    d.commitInterval(),
                    d.duplicateRetention(),
                    d.nearDuplicates(),
                    d.stories(),
                    null,
                    EnrichConfig.DEFAULT_PARTITIONS))
        .hasMessageContaining("bootstrap.servers");
    assertThatThrownBy(
            () ->
                new EnrichConfig(
                    "k:9092",
                    d.applicationId(),
                    d.stateDir(),
                    1,
                    d.commitInterval(),
                    Duration.ofSeconds(1),
                    d.nearDuplicates(),
                    d.stories(),
                    null,
                    EnrichConfig.DEFAULT_PARTITIONS))
        .hasMessageContaining("enrich.duplicate.retention");
    assertThatThrownBy(() -> d.withApplicationServer("no-port"))
        .hasMessageContaining("application.server");
  }

  @Test
  void advertisesItsHttpAddressAsApplicationServer() {
    EnrichConfig c =
        EnrichConfig.defaults("k:9092", Path.of("state")).withApplicationServer("127.0.0.1:8081");
    assertThat(c.streamsProperties().get(StreamsConfig.APPLICATION_SERVER_CONFIG))
        .isEqualTo("127.0.0.1:8081");
    assertThat(EnrichConfig.defaults("k:9092", Path.of("state")).streamsProperties())
        .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
  }
}
