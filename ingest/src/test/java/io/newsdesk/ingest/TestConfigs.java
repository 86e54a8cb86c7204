package io.newsdesk.ingest;

import java.time.Duration;

/** Configurations with millisecond delays so tests stay fast. */
public final class TestConfigs {
  private TestConfigs() {}

  public static IngestConfig fast() {
    return IngestConfig.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .perHostMinDelay(Duration.ZERO)
        .maxRetries(2)
        .backoffBase(Duration.ofMillis(5))
        .backoffMax(Duration.ofMillis(50))
        .minPollInterval(Duration.ofMillis(100))
        .defaultPollInterval(Duration.ofSeconds(1))
        .maxPollInterval(Duration.ofSeconds(10))
        .maxConcurrentFetches(4)
        // The tests' servers listen on 127.0.0.1, which the address policy refuses by default.
        .allowNetworks(java.util.List.of("127.0.0.1/32"))
        .build();
  }
}
