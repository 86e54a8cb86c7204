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
    Tokens t = Tokens.of(line.sentence());
    float[] base = new float[t.size];
    float[] adj = new float[t.size];
    Valences.score(model.lexicon(), t, 0, t.size, base, adj);
    MentionRoles roles = roles(t, line);
    FeatureVector fv = model.newVector();
    double[] p = new double[3];
    int[] out = new int[line.targets().size()];
    for (int j = 0; j < out.length; j++) {
      model.probabilities(t, 0, t.size, base, adj, roles, j, line.targets().get(j).spans(), fv, p);
      out[j] = TargetSentiment.argmax(p);
    }
    return out;
  }

  /** Every target of a line marked as the owner of its mentions, target j as entity j. */
  static MentionRoles roles(Tokens t, NewsMtsc.Line line) {
    MentionRoles roles = new MentionRoles(t);
    for (int j = 0; j < line.targets().size(); j++) {
      int[] spans = line.targets().get(j).spans();
      for (int k = 0; k + 1 < spans.length; k += 2) {
        roles.mark(spans[k], spans[k + 1], j);
      }
    }
    return roles;
  }
}
