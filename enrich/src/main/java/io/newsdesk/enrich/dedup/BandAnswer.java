package io.newsdesk.enrich.dedup;

import org.apache.kafka.common.serialization.Serde;

/**
 * What one band partition says about one article: the first article seen with the same band key, if
 * it is similar enough, else no candidate. Every probe gets exactly one answer.
 */
public record BandAnswer(
    String articleId, String candidateId, long candidateAt, double similarity) {

  public static final Serde<BandAnswer> SERDE =
      Wire.serde(
          (a, out) -> {
            out.writeUTF(a.articleId);
            Wire.writeNullable(out, a.candidateId);
            out.writeLong(a.candidateAt);
            out.writeDouble(a.similarity);
          },
          in ->
              new BandAnswer(in.readUTF(), Wire.readNullable(in), in.readLong(), in.readDouble()));

  static BandAnswer none(String articleId) {
    return new BandAnswer(articleId, null, 0, 0);
  }
}
