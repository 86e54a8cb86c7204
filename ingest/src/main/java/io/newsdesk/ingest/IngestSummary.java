package io.newsdesk.ingest;

import java.util.List;
import java.util.Map;

/** The result of {@link IngestService#runOnce()}: one outcome per source, plus totals. */
public record IngestSummary(
    List<PollOutcome> outcomes, Map<String, SourceMetrics> metrics, long elapsedMs) {

  /** Documents published in this run. */
  public int documents() {
    return outcomes.stream().mapToInt(PollOutcome::documents).sum();
  }

  /** Dead letters published in this run. */
  public int deadLetters() {
    return outcomes.stream().mapToInt(PollOutcome::deadLetters).sum();
  }

  /** Sources whose poll failed. */
  public long failedSources() {
    return outcomes.stream()
        .filter(o -> o.status().equals("failed") || o.status().equals("publish-failed"))
        .count();
  }
}
