package io.newsdesk.app.bench;

import io.newsdesk.app.cli.KafkaOptions;
import io.newsdesk.app.pipeline.IngestWiring;
import io.newsdesk.app.pipeline.KafkaEnvironment;
import io.newsdesk.app.pipeline.Pipeline;
import io.newsdesk.app.pipeline.RunReport;
import io.newsdesk.app.pipeline.Summary;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.enrich.dedup.MinHasher;
import io.newsdesk.enrich.dedup.NearDuplicateConfig;
import io.newsdesk.enrich.dedup.Signature;
import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.enrich.stories.StoryConfig;
import io.newsdesk.enrich.stories.StoryIndex;
import io.newsdesk.ingest.IngestConfig;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.RawDocument;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs N generated documents from a drop folder through ingest, enrich and sink on a fresh embedded
 * broker and prints documents/s, time per document in each stage, and peak heap. Its output format
 * is kept stable so runs can be compared.
 */
public final class EndToEndBench {

  /** What a run measured. */
  public record Result(
      int documents,
      double extractMsPerDoc,
      double entitiesMsPerDoc,
      double sentimentMsPerDoc,
      double codecMsPerDoc,
      double nearDuplicateMsPerDoc,
      double storyMsPerDoc,
      long brokerStartMs,
      long endToEndMs,
      long articlesOut,
      long duplicates,
      long deadLetters,
      long peakHeapMib,
      String corpus,
      int threads,
      long ingestMs,
      double[] cpuMsPerDoc,
      long processCpuMs,
      double loadBefore,
      double loadAfter,
      Map<String, Long> pipelineCpuNanos,
      List<Map.Entry<String, Long>> topThreads,
      int warmup,
      String warmupDescription,
      Optional<String> unaccounted) {

    public double documentsPerSecond() {
      return documents * 1000.0 / Math.max(endToEndMs, 1);
    }

    /** CPU time of the whole process (every thread, the embedded broker included) per document. */
    public double processCpuMsPerDoc() {
      return processCpuMs / (double) Math.max(documents, 1);
    }

    /**
     * What {@code threads} cores would sustain if the process had them to itself: documents per
     * second of process CPU time, times the cores. Less sensitive to other load than wall time.
     */
    public double documentsPerCpuBoundSecond() {
      return threads * 1000.0 / Math.max(processCpuMsPerDoc(), 1e-9);
    }
  }

  private EndToEndBench() {}

  public static Result run(int n, Path dir, int partitions) throws Exception {
    return run(n, dir, partitions, null, 0, true);
  }

  /**
   * As above on real article pages: the extraction benchmark pages under {@code data} (cycled to
   * {@code n} documents) when present, the generated demo pages otherwise (said so in the result).
   */
  public static Result run(
      int n, Path dir, int partitions, Path data, int warmup, boolean stagePass) throws Exception {
    if (warmup < 0 && warmup != AUTO_WARMUP) {
      throw new IllegalArgumentException("warm-up documents must be 0 or more, or auto");
    }
    EnrichComponents components = EnrichComponents.standard();
    double[] cpu = new double[STAGES];
    Path drop = dir.resolve("drop");
    Path warmDrop = dir.resolve("warmup");
    // The pages are read, timed stage by stage and written to the drop folder in a method of
    // their own, so that none of them stays reachable from here: held through the run (up to a
    // GB for --documents 6000 --warmup 2000) they were the pipeline's GC work, not its own.
    Prepared prepared = prepare(n, data, components, drop, stagePass, cpu);
    String label = prepared.label();
    double[] stages = prepared.stages();
    try (KafkaEnvironment kafka =
            KafkaEnvironment.open(KafkaOptions.of(null, dir.resolve("data"), partitions));
        Pipeline pipeline =
            Pipeline.start(kafka, components, dir.resolve("data"), dir.resolve("out"), false)) {
      WarmUp warm = warmUp(kafka, pipeline, data, warmDrop, warmup);
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      RunReport.Marks marks = RunReport.mark(kafka.bootstrapServers());
      double loadBefore = loadAverage();
      ThreadCpu cpuClock = ThreadCpu.start();
      long t0 = System.nanoTime();
      IngestWiring.Sources sources = new IngestWiring.Sources(List.of(), List.of(), drop, null);
      long ingestMs;
      try (IngestWiring ingest =
          IngestWiring.open(kafka, IngestConfig.defaults(), sources, "bench")) {
        long i0 = System.nanoTime();
        ingest.service().runOnce();
        ingestMs = (System.nanoTime() - i0) / 1_000_000;
        cpuClock.sample();
      }
      if (!pipeline.awaitDrained(Duration.ofMinutes(30))) {
        throw new IllegalStateException(
            "FAILED: the benchmark pipeline did not drain in 30 minutes (is the broker starved?)");
      }
      long elapsed = (System.nanoTime() - t0) / 1_000_000;
      Map<String, Long> pipelineCpu = cpuClock.sinceStart();
      long processCpuMs = pipelineCpu.get("total") / 1_000_000;
      double loadAfter = loadAverage();
      RunReport report = RunReport.since(kafka.bootstrapServers(), marks);
      return new Result(
          n,
          stages[0],
          stages[1],
          stages[2],
          stages[3],
          stages[4],
          stages[5],
          kafka.embeddedStartup().toMillis(),
          elapsed,
          report.articlesOut,
          report.duplicates,
          report.deadLetters(),
          Summary.peakHeapMib(),
          label,
          Pipeline.defaultThreads(),
          ingestMs,
          cpu,
          processCpuMs,
          loadBefore,
          loadAfter,
          pipelineCpu,
          cpuClock.top(8),
          warm.documents(),
          warm.description(),
          // Every file dropped comes out once, as an article or a dead letter.
          report.unaccounted(n));
    }
  }

  /**
   * What {@link #prepare} leaves behind: the label and stage times (zeros if skipped), no pages.
   */
  private record Prepared(String label, double[] stages) {}

  /**
   * Picks the pages (real ones under {@code data} cycled to {@code n}, generated otherwise), times
   * the stages on them on one thread, and writes them to the drop folder.
   */
  private static Prepared prepare(
      int n, Path data, EnrichComponents components, Path drop, boolean stagePass, double[] cpu)
      throws Exception {
    Optional<BenchCorpus.RealPages> real = BenchCorpus.real(data);
    List<String> corpus = real.map(r -> r.take(n)).orElseGet(() -> BenchCorpus.generate(n, 42));
    String label =
        real.isPresent()
            ? real.get().description()
                + (real.get().repeats(n) > 0
                    ? ", cycled: " + real.get().repeats(n) + " documents repeat a page"
                    : ", none repeated")
            : "synthetic pages generated from the demo (no extraction data under " + data + ")";
    double[] stages =
        stagePass
            ? stageTimes(components, corpus, cpu)
            : new double[STAGES]; // skipped: zeros, and print says so
    write(drop, "doc-%06d.html", corpus);
    return new Prepared(label, stages);
  }

  /** {@code --warmup auto}: warm up until the pipeline is compiled (see {@link #warmUp}). */
  public static final int AUTO_WARMUP = -1;

  /** Warm-up documents go through the pipeline in rounds of this many. */
  static final int WARMUP_ROUND = 500;

  /**
   * {@code --warmup auto} stops after the first round in which the JIT compilers took less than
   * this share of the process's CPU...
   */
  static final double AUTO_WARMUP_SHARE = EndToEndBench.JIT_STEADY_SHARE;

  /** ...or after this many documents, whichever comes first. */
  static final int AUTO_WARMUP_MAX = 10_000;

  /** Where a JVM does not say what its compilers took, auto warms up with this many documents. */
  static final int AUTO_WARMUP_BLIND = 2_000;

  /**
   * What the warm-up did: documents, rounds, the JIT compilers' share of the last round's CPU (NaN
   * where the JVM does not say), and how it is described in the output.
   */
  record WarmUp(int documents, int rounds, double lastJitShare, String description) {}

  /**
   * Runs warm-up documents through the same pipeline before timing (JIT, caches, transactions), so
   * that what is timed is the steady state of a long-running pipeline: the same real pages
   * disguised as other articles ({@link BenchCorpus#disguise}), so that the timed documents meet no
   * copies of themselves they would not have met without a warm-up. They go in rounds of {@link
   * #WARMUP_ROUND}, written, ingested and deleted one round at a time (no round's pages stay in
   * memory). {@code warmup} documents in all, or with {@link #AUTO_WARMUP} rounds until the JIT
   * compilers took less than {@link #AUTO_WARMUP_SHARE} of a round's CPU: on two cores the single
   * C2 compiler thread stays busy for thousands of documents (the broker's, the clients' and
   * Streams' code after the NLP's), and a window timed before it is done measures the compiler as
   * much as the pipeline (README, Throughput).
   */
  private static WarmUp warmUp(
      KafkaEnvironment kafka, Pipeline pipeline, Path data, Path warmDrop, int warmup)
      throws Exception {
    if (warmup == 0) {
      return new WarmUp(0, 0, Double.NaN, "no warm-up (cold start)");
    }
    boolean auto = warmup == AUTO_WARMUP;
    boolean blind = ThreadCpu.vmThreadTicks().isEmpty();
    int target = auto ? (blind ? AUTO_WARMUP_BLIND : AUTO_WARMUP_MAX) : warmup;
    Optional<BenchCorpus.RealPages> real = BenchCorpus.real(data);
    int done = 0;
    int rounds = 0;
    double share = Double.NaN;
    while (done < target) {
      int from = done;
      int count = Math.min(WARMUP_ROUND, target - done);
      Path folder = warmDrop.resolve("round-" + rounds);
      write(
          folder,
          "warm-%06d.html",
          real.map(r -> r.warmup(from, count))
              .orElseGet(() -> BenchCorpus.generate(count, 7 + from)));
      long cpu0 = ThreadCpu.processCpuNanos();
      long jit0 = ThreadCpu.jitNanos();
      try (IngestWiring ingest =
          IngestWiring.open(
              kafka,
              IngestConfig.defaults(),
              new IngestWiring.Sources(List.of(), List.of(), folder, null),
              "bench-warmup")) {
        ingest.service().runOnce();
      }
      if (!pipeline.awaitDrained(Duration.ofMinutes(30))) {
        throw new IllegalStateException(
            "FAILED: the warm-up did not drain in 30 minutes (is the broker starved?)");
      }
      long cpu = ThreadCpu.processCpuNanos() - cpu0;
      share = blind || cpu <= 0 ? Double.NaN : (ThreadCpu.jitNanos() - jit0) / (double) cpu;
      deleteTree(folder);
      done += count;
      rounds++;
      if (auto && share < AUTO_WARMUP_SHARE) {
        break;
      }
    }
    String what =
        real.isPresent()
            ? "the real pages, each text's words reversed, under other URLs"
            : "generated pages";
    String how;
    if (!auto) {
      how = "";
    } else if (blind) {
      how = " (auto: this JVM does not say what its compilers took, so a fixed number)";
    } else if (share < AUTO_WARMUP_SHARE) {
      how =
          String.format(
              " (auto: rounds of %d until the JIT compilers took under %.0f%% of a round's CPU;"
                  + " last round %.0f%%)",
              WARMUP_ROUND, 100 * AUTO_WARMUP_SHARE, 100 * share);
    } else {
      how =
          String.format(
              " (auto: stopped at the cap of %d with the JIT compilers still at %.0f%% of the"
                  + " last round's CPU, above %.0f%%)",
              AUTO_WARMUP_MAX, 100 * share, 100 * AUTO_WARMUP_SHARE);
    }
    return new WarmUp(done, rounds, share, done + " warm-up documents" + how + ": " + what);
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void write(Path folder, String nameFormat, List<String> pages)
      throws java.io.IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < pages.size(); i++) {
      Files.writeString(
          folder.resolve(String.format(nameFormat, i)), pages.get(i), StandardCharsets.UTF_8);
    }
  }

  private static final int STAGES = 6;

  /**
   * The JIT's share of the timed window's CPU above which a run is called short of the steady
   * state. On two shared cores it was about 30% in a window of 2,000 documents after 200, 1,000 or
   * 2,000 warm-up documents alike, and 16% over 6,000 documents (README, Throughput).
   */
  static final double JIT_STEADY_SHARE = 0.10;

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * Milliseconds per document for extract, entities, sentiment, Avro encode+decode, the
   * near-duplicate signature and story assignment, one thread: wall time returned, CPU time of the
   * measuring thread written into {@code cpuMs} (less sensitive to other load on the machine).
   */
  static double[] stageTimes(EnrichComponents c, List<String> corpus, double[] cpuMs)
      throws ExtractionException {
    ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
    AvroCodec<RawDocument> rawCodec = AvroCodec.of(RawDocument.class);
    AvroCodec<EnrichedArticle> outCodec = AvroCodec.of(EnrichedArticle.class);
    List<RawDocument> docs = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      docs.add(
          RawDocument.newBuilder()
              .setId("bench-" + i)
              .setSource("bench")
              .setUrl("http://127.0.0.1/bench/" + i + ".html")
              .setFetchedAt(System.currentTimeMillis())
              .setArrival(Arrival.PAGE)
              .setContentType("text/html")
              .setCharset("UTF-8")
              .setBody(ByteBuffer.wrap(corpus.get(i).getBytes(StandardCharsets.UTF_8)))
              .build());
    }
    // Warm up the JIT on a slice before measuring.
    // A cold JVM on a loaded machine can overrun the extractor's time budget on a page: such a
    // page would be a dead letter in the pipeline; here it is left out of the warm-up.
    for (int i = 0; i < Math.min(50, docs.size()); i++) {
      try {
        Article a = c.extractor().extract(docs.get(i));
        c.sentiment().annotate(a.getText(), c.tagger().tag(a.getTitle(), a.getText()));
      } catch (ExtractionException e) {
        // over budget while cold: not counted
      }
    }
    long extract = 0;
    long entities = 0;
    long sentiment = 0;
    long codec = 0;
    long near = 0;
    MinHasher hasher = new MinHasher(NearDuplicateConfig.defaults());
    List<EnrichedArticle> enriched = new ArrayList<>();
    long[] cpu = new long[STAGES];
    for (RawDocument d : docs) {
      long c0 = cpuClock.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Article a;
      try {
        a = c.extractor().extract(d);
      } catch (ExtractionException notAnArticle) {
        // A real page that is no article (a dead letter in the pipeline): its extraction time
        // counts, the later stages have nothing to do.
        extract += System.nanoTime() - t0;
        cpu[0] += cpuClock.getCurrentThreadCpuTime() - c0;
        continue;
      }
      long t1 = System.nanoTime();
      long c1 = cpuClock.getCurrentThreadCpuTime();
      List<Entity> es = c.tagger().tag(a.getTitle(), a.getText());
      long t2 = System.nanoTime();
      long c2 = cpuClock.getCurrentThreadCpuTime();
      c.sentiment().annotate(a.getText(), es);
      EnrichedArticle e =
          EnrichedArticle.newBuilder()
              .setArticle(a)
              .setEntities(es)
              .setTone(c.sentiment().tone(a.getText()))
              .setEnrichedAt(0L)
              .build();
      long t3 = System.nanoTime();
      long c3 = cpuClock.getCurrentThreadCpuTime();
      rawCodec.decode(rawCodec.encode(d));
      outCodec.decode(outCodec.encode(e));
      long t4 = System.nanoTime();
      long c4 = cpuClock.getCurrentThreadCpuTime();
      // What dedup computes per article before its band look-ups: signature, band keys, sketch.
      Signature sig = hasher.signature(a.getText());
      if (sig != null) {
        for (int b = 0; b < sig.bands(); b++) {
          sig.bandKey(b);
        }
        sig.sketch();
      }
      long t5 = System.nanoTime();
      long c5 = cpuClock.getCurrentThreadCpuTime();
      cpu[0] += c1 - c0;
      cpu[1] += c2 - c1;
      cpu[2] += c3 - c2;
      cpu[3] += c4 - c3;
      cpu[4] += c5 - c4;
      near += t5 - t4;
      enriched.add(e);
      extract += t1 - t0;
      entities += t2 - t1;
      sentiment += t3 - t2;
      codec += t4 - t3;
    }
    // Story assignment over the same articles, one after another, as the single assigner sees them.
    StoryIndex warm = new StoryIndex(StoryConfig.defaults());
    for (int i = 0; i < Math.min(50, enriched.size()); i++) {
      warm.assign(EnrichedArticle.newBuilder(enriched.get(i)).build(), i * 60_000L);
    }
    StoryIndex stories = new StoryIndex(StoryConfig.defaults());
    long s0 = System.nanoTime();
    long sc0 = cpuClock.getCurrentThreadCpuTime();
    long at = 0;
    for (EnrichedArticle e : enriched) {
      stories.assign(e, at += 60_000);
    }
    long story = System.nanoTime() - s0;
    cpu[5] = cpuClock.getCurrentThreadCpuTime() - sc0;
    double n = docs.size() * 1e6;
    for (int i = 0; i < STAGES; i++) {
      cpuMs[i] = cpu[i] / n;
    }
    return new double[] {extract / n, entities / n, sentiment / n, codec / n, near / n, story / n};
  }

  public static void print(PrintStream out, Result r, int partitions) {
    out.printf(
        "newsdesk bench: %d documents, %s, %d partitions, %d stream threads (= cores)%n",
        r.documents(), r.corpus(), partitions, r.threads());
    out.printf("%-22s %10s %10s %12s%n", "stage (one thread)", "ms/doc", "docs/s", "CPU ms/doc");
    double[] cpu = r.cpuMsPerDoc();
    if (java.util.Arrays.stream(cpu).allMatch(v -> v == 0)) {
      out.println("(stage pass skipped: --skip-stages)");
    }
    row(out, "extract", r.extractMsPerDoc(), cpu[0]);
    row(out, "entities", r.entitiesMsPerDoc(), cpu[1]);
    row(out, "sentiment + tone", r.sentimentMsPerDoc(), cpu[2]);
    row(out, "avro encode+decode", r.codecMsPerDoc(), cpu[3]);
    row(out, "near-dup signature", r.nearDuplicateMsPerDoc(), cpu[4]);
    row(out, "story assignment", r.storyMsPerDoc(), cpu[5]);
    double sum = 0;
    for (double v : cpu) {
      sum += v;
    }
    out.printf("%-22s %10s %10s %12.3f%n", "sum of the stages", "", "", sum);
    out.printf(
        "%-22s %10.3f %10.0f   (wall time of the whole ingest, all workers)%n",
        "ingest (drop folder)",
        r.ingestMs() / (double) Math.max(r.documents(), 1),
        r.documents() * 1000.0 / Math.max(r.ingestMs(), 1));
    out.printf(
        "end to end: %d documents in %.2f s = %.1f documents/s, %.1f articles/s (drop folder ->"
            + " ingest -> enrich -> sink, exactly-once; the rest are dead letters)%n",
        r.documents(),
        r.endToEndMs() / 1000.0,
        r.documentsPerSecond(),
        r.articlesOut() * 1000.0 / Math.max(r.endToEndMs(), 1));
    out.printf("before timing: %s%n", r.warmupDescription());
    out.printf(
        "CPU time per document in the end-to-end run (all threads; after %d warm-up documents):%n",
        r.warmup());
    for (Map.Entry<String, Long> e : r.pipelineCpuNanos().entrySet()) {
      if (!e.getKey().equals("total")) {
        out.printf(
            "  %-30s %8.2f ms%n", e.getKey(), e.getValue() / 1e6 / Math.max(r.documents(), 1));
      }
    }
    out.printf(
        "  %-30s %8.2f ms = %.1f documents/s on %d cores with the machine to itself%n",
        "whole process", r.processCpuMsPerDoc(), r.documentsPerCpuBoundSecond(), r.threads());
    Long jit = r.pipelineCpuNanos().get(ThreadCpu.JIT);
    if (jit != null && r.processCpuMs() > 0) {
      // Said, not hidden: on two shared cores the C2 compiler is still compiling the broker's,
      // the clients' and Streams' code thousands of documents after the start, CPU a pipeline
      // running for days no longer spends. Both figures are printed, each labelled.
      double jitMs = jit / 1e6 / Math.max(r.documents(), 1);
      double share = jitMs / r.processCpuMsPerDoc();
      out.printf(
          "  JIT compilers took %.0f%% of this window's CPU%s%n",
          100 * share,
          share >= JIT_STEADY_SHARE
              ? ": the code is still being compiled, short of a long-running pipeline's steady"
                  + " state"
              : "");
      double steady = r.processCpuMsPerDoc() - jitMs;
      out.printf(
          "  %-30s %8.2f ms = %.1f documents/s on %d cores: once all is compiled (a bound)%n",
          "whole process less the JIT",
          steady,
          r.threads() * 1000.0 / Math.max(steady, 1e-9),
          r.threads());
    }
    out.println("  busiest threads, CPU ms per document:");
    for (Map.Entry<String, Long> t : r.topThreads()) {
      out.printf("    %8.2f  %s%n", t.getValue() / 1e6 / Math.max(r.documents(), 1), t.getKey());
    }
    out.printf(
        "load average %.2f before, %.2f after (other processes share the cores: wall-clock"
            + " figures drop with load, CPU figures much less)%n",
        r.loadBefore(), r.loadAfter());
    out.printf(
        "articles out: %d (%d flagged duplicates), dead letters: %d%n",
        r.articlesOut(), r.duplicates(), r.deadLetters());
    out.printf(
        "embedded broker start: %d ms; peak heap during the run: %d MiB%n",
        r.brokerStartMs(), r.peakHeapMib());
  }

  private static void row(PrintStream out, String stage, double ms, double cpuMs) {
    out.printf("%-22s %10.3f %10.0f %12.3f%n", stage, ms, ms > 0 ? 1000.0 / ms : 0, cpuMs);
  }
}
