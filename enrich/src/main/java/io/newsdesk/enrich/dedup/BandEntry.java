package io.newsdesk.enrich.dedup;

import org.apache.kafka.common.serialization.Serde;

/** The band index value: the first article seen with a band key, when, and its sketch. */
record BandEntry(String articleId, long at, byte[] sketch) {

  static final Serde<BandEntry> SERDE =
      Wire.serde(
          (e, out) -> {
            out.writeUTF(e.articleId);
            out.writeLong(e.at);
            Wire.writeBytes(out, e.sketch);
          },
          in -> new BandEntry(in.readUTF(), in.readLong(), Wire.readBytes(in)));
}
