package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.enrich.sentiment.TargetSentimentModel.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The head-rows graph and batched runs against the plain graph run one input at a time. */
class HeadRowsGraphTest {

  static Map<String, PreciseWeights.Entry> shipped;
  static WordPiece tokenizer;

  /** Own sentences of different lengths; targets with one or more mentions, or none at all. */
  static final List<Sentence> SENTENCES =
      List.of(
          new Sentence(
              "Judge Alvarez fined Norvik Shipping and praised the harbour workers' union.",
              List.of(new int[] {0, 13}, new int[] {20, 35}, new int[] {53, 73})),
          new Sentence(
              "Investors sued Brightwater Ltd. after its chief hid the debts for two years, and"
                  + " Brightwater Ltd. has not answered the claims made by the pension fund.",
              List.of(new int[] {15, 31, 81, 97}, new int[] {42, 47})),
          new Sentence("Mayor Okafor resigned.", List.of(new int[] {0, 12})),
          new Sentence(
              "The council thanked the nurses who worked through the storm.",
              List.of(new int[] {24, 30}, new int[] {60, 60})));

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        HeadRowsGraphTest.class.getClassLoader().getResourceAsStream(OnnxSentimentModel.WEIGHTS)) {
      shipped = PreciseWeights.read(in);
    }
    tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
  }

  static List<TargetInput> inputs() {
    List<TargetInput> out = new ArrayList<>();
    for (Sentence s : SENTENCES) {
      for (int[] spans : s.targets()) {
        out.add(TargetInput.of(tokenizer, s.text(), spans));
      }
    }
    return out;
  }

  /** Features of each input run alone. */
  private static float[][] single(OnnxSentimentModel m) {
    List<TargetInput> in = inputs();
    float[][] out = new float[in.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = m.features(List.of(in.get(i)))[0];
    }
    return out;
  }

  private static double maxDiff(float[][] a, float[][] b) {
    assertThat(a.length).isEqualTo(b.length);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).hasSize(2 * MiniLmEncoder.HIDDEN);
      for (int d = 0; d < a[i].length; d++) {
        max = Math.max(max, Math.abs(a[i][d] - b[i][d]));
      }
    }
    return max;
  }

  @Test
  void the_last_layer_on_the_head_rows_gives_the_full_graphs_features() {
    var mixed = OnnxSentimentModel.Precision.MIXED;
    try (OnnxSentimentModel full = OnnxSentimentModel.of(shipped, mixed, 1, false, 1);
        OnnxSentimentModel rows = OnnxSentimentModel.of(shipped, mixed, 1, true, 1)) {
      assertThatThrownBy(() -> rows.hidden(inputs())).isInstanceOf(IllegalStateException.class);
      assertThat(maxDiff(single(full), single(rows))).isLessThan(1e-5);
    }
  }

  @Test
  void the_head_rows_edit_gathers_before_the_last_query_and_leaves_int8_graphs_alone() {
    OnnxWeights mixed =
        OnnxWeights.of(OnnxSentimentModel.graph(shipped, OnnxSentimentModel.Precision.MIXED));
    OnnxWeights.Edit edit = HeadRowsGraph.edit(mixed);
    assertThat(edit.inputs()).containsEntry(HeadRowsGraph.INPUT, OnnxWeights.INT64);
    assertThat(edit.nodes().get("/encoder/layer.5/attention/self/query/MatMul"))
        .extracting(OnnxWeights.Node::op)
        .containsExactly("Reshape", "Gather", "MatMul");
    assertThat(edit.nodes()).containsKey("/encoder/layer.5/attention/output/Add");
    OnnxWeights int8 =
        OnnxWeights.of(OnnxSentimentModel.graph(shipped, OnnxSentimentModel.Precision.INT8));
    assertThat(HeadRowsGraph.edit(int8)).isNull();
  }

  @Test
  void batched_float32_runs_match_single_ones() {
    // Float32 products do not depend on what else is in the batch: padded, masked, gathered rows
    // give each input's own probabilities.
    var fp32 = OnnxSentimentModel.Precision.FP32;
    try (OnnxSentimentModel one = OnnxSentimentModel.of(shipped, fp32, 1, true, 1);
        OnnxSentimentModel batched = OnnxSentimentModel.of(shipped, fp32, 1, true, 8)) {
      float[][] a = one.logits(inputs());
      float[][] b = batched.logits(inputs());
      for (int i = 0; i < a.length; i++) {
        double[] pa = OnnxSentimentModel.softmax(a[i]);
        double[] pb = OnnxSentimentModel.softmax(b[i]);
        for (int c = 0; c < 3; c++) {
          assertThat(Math.abs(pa[c] - pb[c])).as("input %d class %d", i, c).isLessThan(1e-5);
        }
      }
    }
  }

  @Test
  void predict_all_gives_each_sentence_the_labels_predict_gives_it() {
    try (OnnxSentimentModel m = OnnxSentimentModel.load()) {
      List<int[]> all = m.predictAll(SENTENCES);
      assertThat(all).hasSameSizeAs(SENTENCES);
      for (int i = 0; i < SENTENCES.size(); i++) {
        Sentence s = SENTENCES.get(i);
        assertThat(all.get(i)).containsExactly(m.predict(s.text(), s.targets()));
        for (int j = 0; j < s.targets().size(); j++) {
          // Batched with per-sequence quantizers: a target's label does not depend on the others.
          assertThat(all.get(i)[j]).isEqualTo(m.predict(s.text(), List.of(s.targets().get(j)))[0]);
        }
      }
      assertThat(m.predictAll(List.of())).isEmpty();
    }
  }
}
