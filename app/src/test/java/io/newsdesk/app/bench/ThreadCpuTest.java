package io.newsdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void tellsCollectorAndCompilerThreadsFromTheRest() {
    assertThat(ThreadCpu.vmThreadKind("GC Thread#1")).isEqualTo(ThreadCpu.GC);
    assertThat(ThreadCpu.vmThreadKind("G1 Refine#0")).isEqualTo(ThreadCpu.GC);
    assertThat(ThreadCpu.vmThreadKind("C2 CompilerThre")).isEqualTo(ThreadCpu.JIT);
    assertThat(ThreadCpu.vmThreadKind("C1 CompilerThre")).isEqualTo(ThreadCpu.JIT);
    assertThat(ThreadCpu.vmThreadKind("kafka-producer-")).isNull();
    assertThat(ThreadCpu.vmThreadKind("VM Thread")).isNull();
  }

  @Test
  void countsTheCollectorsTimeOnLinux() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc/self/task: not Linux");
    long before = ThreadCpu.vmThreadTicks().getOrDefault(ThreadCpu.GC, 0L);
    Map<String, Long> after = Map.of();
    // Garbage with live references across collections, so the collector has work to do.
    for (int round = 0; round < 20 && after.getOrDefault(ThreadCpu.GC, 0L) <= before; round++) {
      List<byte[]> keep = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        keep.add(new byte[1024]);
      }
      System.gc();
      after = ThreadCpu.vmThreadTicks();
      assertThat(keep).hasSize(20_000);
    }
    assertThat(after.getOrDefault(ThreadCpu.GC, 0L)).isGreaterThan(before);
  }
}
