package io.newsdesk.enrich.dedup;

import org.apache.kafka.common.serialization.Serde;

/** Answers received so far for one article, and the best candidate among them. */
public record Tally(int received, String bestId, long bestAt, double bestSimilarity) {

  public static final Serde<Tally> SERDE =
      Wire.serde(
          (t, out) -> {
            out.writeInt(t.received);
            Wire.writeNullable(out, t.bestId);
            out.writeLong(t.bestAt);
            out.writeDouble(t.bestSimilarity);
          },
          in -> new Tally(in.readInt(), Wire.readNullable(in), in.readLong(), in.readDouble()));

  public static final Tally EMPTY = new Tally(0, null, Long.MAX_VALUE, 0);

  /** Adds an answer; the earliest candidate wins (the original), then the most similar. */
  public Tally add(BandAnswer a) {
    if (a.candidateId() == null) {
      return new Tally(received + 1, bestId, bestAt, bestSimilarity);
    }
    boolean better =
        bestId == null
            || a.candidateAt() < bestAt
            || (a.candidateAt() == bestAt && a.similarity() > bestSimilarity);
    return better
        ? new Tally(received + 1, a.candidateId(), a.candidateAt(), a.similarity())
        : new Tally(received + 1, bestId, bestAt, bestSimilarity);
  }
}
