package io.newsdesk.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/** Tags NewsMTSC-format JSON lines with a predicted {@code polarity} (2, 4 or 6) per target. */
public final class NewsMtscTagging {

  private NewsMtscTagging() {}

  /**
   * Reads JSON lines with {@code sentence_normalized} and {@code targets} ({@code from}, {@code
   * to}) and writes each line back with every target's {@code polarity} set by {@code model};
   * returns the number of targets tagged.
   */
  public static long tag(TargetSentiment model, BufferedReader in, Writer out) throws IOException {
    return tag(line -> predict(model, line), in, out);
  }

  /**
   * As {@link #tag(TargetSentiment, BufferedReader, Writer)}, with the labels (0 negative, 1
   * neutral, 2 positive) of each line's targets from {@code predictor}: any target model.
   */
  static long tag(
      java.util.function.Function<NewsMtsc.Line, int[]> predictor, BufferedReader in, Writer out)
      throws IOException {
    long tagged = 0;
    for (String s; (s = in.readLine()) != null; ) {
      if (s.isBlank()) {
        continue;
      }
      NewsMtsc.Line line = NewsMtsc.parse(s);
      int[] predicted = predictor.apply(line);
      var targets = line.json().withArray("targets");
      for (int j = 0; j < predicted.length; j++) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) targets.get(j))
            .put("polarity", NewsMtsc.polarity(predicted[j]));
      }
      tagged += predicted.length;
      out.write(NewsMtsc.JSON.writeValueAsString(line.json()));
      out.write('\n');
    }
    out.flush();
    return tagged;
  }

  /** Predicted label (0 negative, 1 neutral, 2 positive) of each target of a line. */
  static int[] predict(TargetSentiment model, NewsMtsc.Line line) {
    double[][] p = model.probabilities(line.sentence(), spans(line));
    int[] out = new int[p.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = TargetSentiment.argmax(p[j]);
    }
    return out;
  }

  /** Every target of a line marked as the owner of its mentions, target j as entity j. */
  static MentionRoles roles(Tokens t, NewsMtsc.Line line) {
    return TargetSentiment.roles(t, spans(line));
  }

  private static java.util.List<int[]> spans(NewsMtsc.Line line) {
    return line.targets().stream().map(NewsMtsc.Target::spans).toList();
  }
}
