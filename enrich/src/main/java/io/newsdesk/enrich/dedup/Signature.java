package io.newsdesk.enrich.dedup;

/** A MinHash signature: one minimum per hash function, read as bands of rows for LSH. */
public record Signature(long[] minima, int bands, int rows) {

  /** The LSH key of one band: band number and a hash of its rows. */
  public String bandKey(int band) {
    long h = band;
    for (int r = 0; r < rows; r++) {
      h = MinHasher.mix(h * 31 + minima[band * rows + r]);
    }
    return band + ":" + Long.toHexString(h);
  }

  /**
   * One byte per hash (b-bit MinHash): what the band index stores to verify a candidate, 8 times
   * smaller than the full signature.
   */
  public byte[] sketch() {
    byte[] out = new byte[minima.length];
    for (int i = 0; i < minima.length; i++) {
      out[i] = (byte) MinHasher.mix(minima[i]);
    }
    return out;
  }

  /** Estimated Jaccard similarity of the full signatures. */
  public double similarity(Signature other) {
    int same = 0;
    for (int i = 0; i < minima.length; i++) {
      if (minima[i] == other.minima[i]) {
        same++;
      }
    }
    return (double) same / minima.length;
  }

  /**
   * Estimated Jaccard similarity of two sketches, corrected for the 1/256 chance that two different
   * minima share their byte.
   */
  public static double similarity(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    if (n == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    double p = (double) same / n;
    return Math.max(0, (p - 1.0 / 256) / (1 - 1.0 / 256));
  }
}
