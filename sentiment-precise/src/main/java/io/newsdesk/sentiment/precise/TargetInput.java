package io.newsdesk.sentiment.precise;

/**
 * The encoder's input for one target, as a sentence pair: {@code [CLS] sentence [SEP] target [SEP]}
 * (segment 0 then 1), the sentence cut to a window of pieces centred on the target's main mention.
 * {@code target} marks the sentence pieces inside any of the target's mentions, whose mean state is
 * pooled with [CLS] by the head.
 */
record TargetInput(int[] ids, int[] types, boolean[] target) {

  /**
   * At most this many pieces in all; the system property {@code newsdesk.precise.max-pieces} sets
   * another cut for comparing (shorter inputs are faster, see the README's precise sentiment
   * section).
   */
  static final int MAX_PIECES = Integer.getInteger("newsdesk.precise.max-pieces", 80);

  /** At most this many pieces of the target's name in the second segment. */
  static final int MAX_TARGET_PIECES = 8;

  int length() {
    return ids.length;
  }

  static TargetInput of(WordPiece tokenizer, String sentence, int[] spans) {
    WordPiece.Pieces p = tokenizer.pieces(sentence);
    int from = Math.max(0, Math.min(spans[0], sentence.length()));
    int to = Math.max(from, Math.min(spans[1], sentence.length()));
    WordPiece.Pieces name = tokenizer.pieces(sentence.substring(from, to));
    int nameLen = Math.min(name.size(), MAX_TARGET_PIECES);
    int room = MAX_PIECES - 3 - nameLen;
    // The window: pieces overlapping the main mention, widened evenly on both sides.
    int first = -1;
    int last = -1;
    for (int i = 0; i < p.size(); i++) {
      if (p.to()[i] > from && p.from()[i] < Math.max(to, from + 1)) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    int start = 0;
    int end = p.size();
    if (end > room) {
      int centre = first < 0 ? 0 : (first + last) / 2;
      start = Math.max(0, Math.min(centre - room / 2, end - room));
      end = start + room;
    }
    int n = 3 + (end - start) + nameLen;
    int[] ids = new int[n];
    int[] types = new int[n];
    boolean[] target = new boolean[n];
    int k = 0;
    ids[k++] = WordPiece.CLS;
    for (int i = start; i < end; i++) {
      for (int s = 0; s + 1 < spans.length; s += 2) {
        if (p.to()[i] > spans[s] && p.from()[i] < Math.max(spans[s + 1], spans[s] + 1)) {
          target[k] = true;
        }
      }
      ids[k++] = p.ids()[i];
    }
    ids[k++] = WordPiece.SEP;
    for (int i = 0; i < nameLen; i++) {
      types[k] = 1;
      ids[k++] = name.ids()[i];
    }
    types[k] = 1;
    ids[k] = WordPiece.SEP;
    return new TargetInput(ids, types, target);
  }
}
