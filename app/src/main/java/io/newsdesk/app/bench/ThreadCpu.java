package io.newsdesk.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process's threads between two moments, summed by pipeline stage (from the thread
 * names the stages give their threads), so that a benchmark can say where an article's CPU time
 * went in the real pipeline: ingest, enrich, sink, the in-process broker, and the rest (JIT
 * compilers, garbage collection and threads that ended meanwhile, which the JVM does not list).
 */
final class ThreadCpu {

  static final String INGEST = "ingest (read, publish)";
  static final String ENRICH = "enrich (Streams threads)";
  static final String SINK = "sink (files, sink topic)";
  static final String BROKER = "Kafka broker + clients' I/O";
  static final String OTHER = "JIT, GC, ended threads";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> start = new HashMap<>();
  private final long processStart;

  private ThreadCpu() {
    processStart = processCpuNanos();
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) {
        start.put(id, t);
      }
    }
  }

  /** Starts counting now. */
  static ThreadCpu start() {
    return new ThreadCpu();
  }

  /** Nanoseconds of CPU per stage since {@link #start()}, in a fixed order, plus the total. */
  Map<String, Long> sinceStart() {
    Map<String, Long> by = new LinkedHashMap<>();
    for (String s : new String[] {INGEST, ENRICH, SINK, BROKER, OTHER}) {
      by.put(s, 0L);
    }
    long counted = 0;
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long now = threads.getThreadCpuTime(ids[i]);
      if (now < 0 || infos[i] == null) {
        continue;
      }
      long used = now - start.getOrDefault(ids[i], 0L);
      String stage = stageOf(infos[i].getThreadName());
      if (stage == null) {
        continue; // the benchmark's own thread: it only waits
      }
      by.merge(stage, used, Long::sum);
      counted += used;
    }
    long total = processCpuNanos() - processStart;
    by.put(OTHER, Math.max(0, total - counted));
    by.put("total", total);
    return by;
  }

  /** The stage a thread works for, by the names the stages give their threads; null for main. */
  static String stageOf(String name) {
    if (name.equals("main")) {
      return null;
    }
    if (name.startsWith("newsdesk-ingest") || name.contains("newsdesk-ingest")) {
      return INGEST;
    }
    if (name.contains("StreamThread") && !name.contains("network-thread")) {
      return ENRICH;
    }
    if (name.startsWith("newsdesk-sink")) {
      return SINK;
    }
    return BROKER;
  }

  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
