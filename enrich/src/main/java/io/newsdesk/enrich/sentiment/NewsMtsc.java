package io.newsdesk.enrich.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** NewsMTSC's JSON lines: a sentence, its targets' offsets and their polarity (2, 4 or 6). */
final class NewsMtsc {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One target: its main mention, coreferent mentions, label 0..2 (-1 when unlabelled) and, for
   * pseudo-labelled targets, the teacher's class probabilities (null otherwise).
   */
  record Target(int from, int to, int[] spans, int label, float[] probabilities) {

    Target(int from, int to, int[] spans, int label) {
      this(from, to, spans, label, null);
    }
  }

  /** One line: the sentence, its targets, and the parsed line for writing back. */
  record Line(String sentence, List<Target> targets, ObjectNode json) {

    /** Spans of every target but {@code j}, for masking other entities. */
    int[] othersOf(int j) {
      int size = 0;
      for (int k = 0; k < targets.size(); k++) {
        if (k != j) {
          size += targets.get(k).spans().length;
        }
      }
      int[] out = new int[size];
      int o = 0;
      for (int k = 0; k < targets.size(); k++) {
        if (k != j) {
          int[] s = targets.get(k).spans();
          System.arraycopy(s, 0, out, o, s.length);
          o += s.length;
        }
      }
      return out;
    }
  }

  private NewsMtsc() {}

  static List<Line> read(Path file) throws IOException {
    List<Line> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String s; (s = in.readLine()) != null; ) {
        if (!s.isBlank()) {
          out.add(parse(s));
        }
      }
    }
    return out;
  }

  static Line parse(String jsonLine) throws IOException {
    ObjectNode node = (ObjectNode) JSON.readTree(jsonLine);
    String sentence = node.path("sentence_normalized").asText("");
    List<Target> targets = new ArrayList<>();
    for (JsonNode t : node.path("targets")) {
      int from = t.path("from").asInt();
      int to = t.path("to").asInt();
      JsonNode further = t.path("further_mentions");
      int[] spans = new int[2 + 2 * further.size()];
      spans[0] = from;
      spans[1] = to;
      int k = 2;
      for (JsonNode m : further) {
        spans[k++] = m.path("from").asInt();
        spans[k++] = m.path("to").asInt();
      }
      JsonNode p = t.path("probabilities");
      float[] probabilities = null;
      if (p.isArray() && p.size() == 3) {
        probabilities = new float[3];
        for (int c = 0; c < 3; c++) {
          probabilities[c] = (float) p.get(c).asDouble();
        }
      }
      targets.add(new Target(from, to, spans, label(t.path("polarity")), probabilities));
    }
    return new Line(sentence, targets, node);
  }

  static int label(JsonNode polarity) {
    if (!polarity.isNumber()) {
      return -1;
    }
    double p = polarity.asDouble();
    return p < 3 ? 0 : p > 5 ? 2 : 1;
  }

  static double polarity(int label) {
    return 2.0 + 2.0 * label;
  }
}
