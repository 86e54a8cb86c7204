package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {

  static OnnxWeights onnx;
  static WordPiece tokenizer;

  @BeforeAll
  static void load() {
    System.setProperty("ai.djl.offline", "true");
    onnx = OnnxWeights.resource(OnnxSentimentModel.FP32_MODEL);
    tokenizer = WordPiece.resource(OnnxSentimentModel.TOKENIZER);
  }

  private static List<TargetInput> inputs() {
    List<TargetInput> batch = new ArrayList<>();
    String a = "The mayor praised the volunteers who cleaned the riverbank on Sunday.";
    batch.add(TargetInput.of(tokenizer, a, new int[] {4, 9}));
    String b = "Critics accused Hartwell Corp. of hiding losses from its shareholders for years.";
    batch.add(TargetInput.of(tokenizer, b, new int[] {16, 29}));
    String c = "Ms. Okafor declined to comment.";
    batch.add(TargetInput.of(tokenizer, c, new int[] {0, 10}));
    return batch;
  }

  @Test
  void the_encoder_written_in_djl_reproduces_the_onnx_models_hidden_states() {
    List<TargetInput> batch = inputs();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> weights = MiniLmEncoder.pretrained(onnx, shapes, 1);
    float[] djl;
    try (MiniLmEncoder encoder =
        new MiniLmEncoder(
            NDManager.newBaseManager(), MiniLmEncoder.Embeddings.of(onnx), weights, shapes)) {
      try (NDManager m = NDManager.newBaseManager()) {
        djl = encoder.hidden(m, batch, false).toFloatArray();
      }
    }
    Map<String, PreciseWeights.Entry> headOnly = new LinkedHashMap<>();
    headOnly.put(
        "head.weight",
        new PreciseWeights.Entry(
            shapes.get("head.weight"), weights.get("head.weight"), null, null));
    headOnly.put(
        "head.bias", new PreciseWeights.Entry(shapes.get("head.bias"), new float[3], null, null));
    float[][][] ort;
    try (OnnxSentimentModel model = OnnxSentimentModel.of(headOnly, false)) {
      ort = model.hidden(batch);
    }
    int t = ort[0].length;
    double maxDiff = 0;
    for (int i = 0; i < batch.size(); i++) {
      for (int j = 0; j < batch.get(i).length(); j++) {
        for (int d = 0; d < MiniLmEncoder.HIDDEN; d++) {
          float a = djl[(i * t + j) * MiniLmEncoder.HIDDEN + d];
          maxDiff = Math.max(maxDiff, Math.abs(a - ort[i][j][d]));
        }
      }
    }
    assertThat(maxDiff).as("largest difference of a hidden state").isLessThan(1e-3);
  }
}
