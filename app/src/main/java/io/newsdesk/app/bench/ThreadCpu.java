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
  static final String GC = "  of which GC threads";
  static final String JIT = "  of which JIT compilers";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> start = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final long processStart;
  private final Map<String, Long> vmStart;
  private final java.util.concurrent.ScheduledExecutorService sampler;

  private ThreadCpu() {
    processStart = processCpuNanos();
    vmStart = vmThreadTicks();
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) {
        start.put(id, t);
      }
    }
    // Threads that end during the run (ingest's workers, short-lived clients) are read every
    // 100 ms while they live, so their time is not lost to "ended threads".
    sampler =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "main-cpu-sampler");
              t.setDaemon(true);
              return t;
            });
    sampler.scheduleAtFixedRate(this::sample, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Starts counting now. */
  static ThreadCpu start() {
    return new ThreadCpu();
  }

  /** Reads the CPU time of every live thread now. */
  synchronized void sample() {
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long now = threads.getThreadCpuTime(ids[i]);
      if (now >= 0 && infos[i] != null) {
        last.put(ids[i], now);
        names.put(ids[i], infos[i].getThreadName());
      }
    }
  }

  /** The {@code n} threads that used most CPU since the start, with nanoseconds. */
  synchronized java.util.List<Map.Entry<String, Long>> top(int n) {
    Map<String, Long> byName = new HashMap<>();
    last.forEach(
        (id, cpu) ->
            byName.merge(
                names.get(id).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"),
                cpu - start.getOrDefault(id, 0L),
                Long::sum));
    return byName.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .toList();
  }

  /** Nanoseconds of CPU per stage since {@link #start()}, in a fixed order, plus the total. */
  synchronized Map<String, Long> sinceStart() {
    sample();
    sampler.shutdownNow();
    Map<String, Long> by = new LinkedHashMap<>();
    for (String s : new String[] {INGEST, ENRICH, SINK, BROKER, OTHER}) {
      by.put(s, 0L);
    }
    long counted = 0;
    for (Map.Entry<Long, Long> e : last.entrySet()) {
      String stage = stageOf(names.get(e.getKey()));
      if (stage == null) {
        continue; // the benchmark's own threads: they only wait
      }
      long used = e.getValue() - start.getOrDefault(e.getKey(), 0L);
      by.merge(stage, used, Long::sum);
      counted += used;
    }
    long total = processCpuNanos() - processStart;
    by.put(OTHER, Math.max(0, total - counted));
    Map<String, Long> vmEnd = vmThreadTicks();
    if (!vmEnd.isEmpty()) {
      long tick = 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
      by.put(GC, tick * (vmEnd.getOrDefault(GC, 0L) - vmStart.getOrDefault(GC, 0L)));
      by.put(JIT, tick * (vmEnd.getOrDefault(JIT, 0L) - vmStart.getOrDefault(JIT, 0L)));
    }
    by.put("total", total);
    return by;
  }

  /** The stage a thread works for, by the names the stages give their threads; null for main. */
  static String stageOf(String name) {
    if (name.startsWith("main")) {
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

  /**
   * CPU time the JIT compilers' threads have used so far ({@link #vmThreadTicks}), 0 if unknown.
   */
  static long jitNanos() {
    return vmThreadTicks().getOrDefault(JIT, 0L) * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
  }

  /** The USER_HZ of Linux's /proc clock figures: 100 on every mainstream kernel build. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /**
   * Clock ticks of CPU used so far by the JVM's own collector and compiler threads, which the
   * thread MXBean does not list: on Linux, from /proc/self/task by the names HotSpot gives them
   * ("GC Thread#0", "G1 Refine#0", "C2 CompilerThre"); empty elsewhere. Threads that ended are not
   * counted (the compilers come and go; the collector's threads stay).
   */
  static Map<String, Long> vmThreadTicks() {
    Map<String, Long> ticks = new HashMap<>();
    java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
    if (!java.nio.file.Files.isDirectory(tasks)) {
      return ticks;
    }
    try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(tasks)) {
      for (java.nio.file.Path task : all.toList()) {
        try {
          String stat = java.nio.file.Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String kind = vmThreadKind(stat.substring(open + 1, close));
          if (kind == null) {
            continue;
          }
          // After "(comm) ": state is field 3; utime and stime are fields 14 and 15.
          String[] f = stat.substring(close + 2).split(" ");
          ticks.merge(kind, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        } catch (java.io.IOException | RuntimeException ended) {
          // the thread ended while being read
        }
      }
    } catch (java.io.IOException e) {
      return Map.of();
    }
    return ticks;
  }

  /** GC or JIT for HotSpot's collector and compiler thread names, null for any other thread. */
  static String vmThreadKind(String comm) {
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
      return GC;
    }
    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
      return JIT;
    }
    return null;
  }

  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
