package io.newsdesk.enrich.dedup;

import org.apache.kafka.common.serialization.Serde;

/** One LSH band of one article, sent to the partition that owns the band key. */
record BandProbe(String articleId, byte[] sketch) {

  static final Serde<BandProbe> SERDE =
      Wire.serde(
          (p, out) -> {
            out.writeUTF(p.articleId);
            Wire.writeBytes(out, p.sketch);
          },
          in -> new BandProbe(in.readUTF(), Wire.readBytes(in)));
}
