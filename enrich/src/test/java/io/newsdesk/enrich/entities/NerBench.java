package io.newsdesk.enrich.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.enrich.text.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): model load time, model heap, and end-to-end tagging throughput
 * (tokenizing, sentence splitting, recognition, rules and resolution) on one thread over real
 * article bodies. Run: {@code java -cp ... io.newsdesk.enrich.entities.NerBench [shared-dir]}.
 */
public final class NerBench {

  public static void main(String[] args) throws Exception {
    String shared =
        args.length > 0 ? args[0] : System.getProperty("newsdesk.shared.dir", "../shared");
    Path truth = Path.of(shared, "data/extraction/scrapinghub/ground-truth.json");
    List<String> bodies = new ArrayList<>();
    for (JsonNode n : new ObjectMapper().readTree(truth.toFile())) {
      bodies.add(n.path("articleBody").asText(""));
    }
    long tokens = 0;
    for (String b : bodies) {
      tokens += Tokenizer.tokenize(b).size();
    }

    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    System.gc();
    long heapBefore = usedHeap();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    PerceptronEntityRecognizer recognizer = PerceptronEntityRecognizer.loadDefault();
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    long loadCpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    System.gc();
    long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);
    DefaultEntityTagger tagger = new DefaultEntityTagger(recognizer);
    System.out.printf(
        Locale.ROOT,
        "model load: %d ms wall, %d ms CPU; model heap: %d MB%n",
        loadMs,
        loadCpuMs,
        heapMb);

    int entities = 0;
    for (int round = 0; round < 3; round++) {
      for (String b : bodies) {
        entities += tagger.tag(null, b).size(); // warm-up
      }
    }
    int rounds = 5;
    long cpuStart = mx.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (String b : bodies) {
        entities += tagger.tag(null, b).size();
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    double cpuSecs = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // On a shared machine wall time includes waiting for a core; CPU time is the one-core cost.
    System.out.printf(
        Locale.ROOT,
        "%d articles x %d rounds, %d tokens per round: %.0f tokens/s wall, %.0f tokens per"
            + " CPU-second on one thread (%d entities)%n",
        bodies.size(),
        rounds,
        tokens,
        tokens * rounds / secs,
        tokens * rounds / cpuSecs,
        entities);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
