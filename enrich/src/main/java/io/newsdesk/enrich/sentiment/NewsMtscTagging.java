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
    long tagged = 0;
    for (String s; (s = in.readLine()) != null; ) {
      if (s.isBlank()) {
        continue;
      }
      NewsMtsc.Line line = NewsMtsc.parse(s);
      int[] predicted = predict(model, line);
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
    FeatureVector fv = model.newVector();
    double[] p = new double[3];
    int[] out = new int[line.targets().size()];
    for (int j = 0; j < out.length; j++) {
      model.probabilities(
          t, 0, t.size, base, adj, line.targets().get(j).spans(), line.othersOf(j), fv, p);
      out[j] = TargetSentiment.argmax(p);
    }
    return out;
  }
}
