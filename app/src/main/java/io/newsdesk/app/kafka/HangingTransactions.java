package io.newsdesk.app.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and aborts hanging transactions of Newsdesk's producers: a partition that holds an open
 * transaction its transaction coordinator no longer knows as open. Nothing ever ends such a
 * transaction, so it blocks every {@code read_committed} reader of that partition for good (the
 * last stable offset stops), and on {@code __consumer_offsets} it keeps a consumer group's
 * committed offsets "unstable": an exactly-once consumer or Streams task restarting on that group
 * waits forever for them.
 *
 * <p>Seen here after a broker killed with SIGKILL while a transaction of a static group member
 * commits (HangingTransactionsIT: about three crashes in four): the restarted coordinator reports
 * the transactional id as having completed its previous transaction, while the output partition and
 * {@code __consumer_offsets} still hold the begun one open. Kafka's own tools for this are {@code
 * kafka-transactions.sh find-hanging} and {@code abort}; this does the same, run by every Newsdesk
 * process on its own topics and on the offsets of its own transactional ids:
 *
 * <ul>
 *   <li>every {@code interval}, the open transactions of every partition of the {@code newsdesk*}
 *       topics and of {@code __consumer_offsets} (DescribeProducers);
 *   <li>for each, the coordinator's view of its producer (ListTransactions, DescribeTransactions);
 *   <li>a transaction is hanging when the coordinator has it neither open on that partition nor
 *       being completed, in two scans in a row at the same start offset (a transaction that began
 *       between the two reads of one scan is open by the next);
 *   <li>a hanging transaction is aborted on that partition (WriteTxnMarkers, as {@code
 *       kafka-transactions.sh abort}): its records are dropped for read-committed readers, and
 *       pending offsets return to the group's last committed ones, so the work is done again
 *       exactly once. On {@code __consumer_offsets}, only transactions of {@code newsdesk*}
 *       transactional ids are touched.
 * </ul>
 */
public final class HangingTransactions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);

  /** The prefix of Newsdesk's topics, Streams internal topics and transactional ids. */
  public static final String PREFIX = "newsdesk";

  private static final String OFFSETS_TOPIC = "__consumer_offsets";
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  /** An open transaction seen on a partition. */
  record Open(
      TopicPartition partition,
      long producerId,
      int producerEpoch,
      int coordinatorEpoch,
      long startOffset) {}

  /** What the transaction coordinator says of an open transaction's producer. */
  enum View {
    /** The coordinator has this producer's transaction open, with this partition in it. */
    OPEN_HERE,
    /** The coordinator is committing or aborting it: its markers are on their way. */
    COMPLETING,
    /** Neither: nothing will ever end the transaction on this partition. */
    NOT_OPEN,
    /**
     * The coordinator committed this very transaction (its producer's epoch is past the
     * partition's, in state CompleteCommit), but the partition lacks the commit marker: aborting it
     * would undo part of a committed transaction (its output kept, its offsets rolled back: a
     * duplicate), and Kafka's Admin API can only abort. Left alone, reported.
     */
    COMMITTED
  }

  private final Admin admin;
  private final java.util.concurrent.ScheduledExecutorService scans;
  private final AtomicLong aborted = new AtomicLong();
  private Set<Open> suspects = new HashSet<>();
  private final Set<Open> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private HangingTransactions(Admin admin) {
    this.admin = admin;
    this.scans =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "newsdesk-hanging-transactions");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts watching in a daemon thread; closing it closes {@code admin}.
   *
   * @param interval time between scans; a hanging transaction is aborted within two of them
   */
  public static HangingTransactions watch(Admin admin, Duration interval) {
    HangingTransactions h = new HangingTransactions(admin);
    h.scans.scheduleWithFixedDelay(
        h::scanQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return h;
  }

  /** Hanging transactions aborted so far (per partition). */
  public long aborted() {
    return aborted.get();
  }

  private void scanQuietly() {
    try {
      scan();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
      // A cluster being restarted or a broker away: the next scan tries again.
      LOG.debug("Scan for hanging transactions failed: {}", e.toString());
    }
  }

  /** One scan: finds open transactions, asks their coordinators, aborts those hanging twice. */
  int scan()
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    List<TopicPartition> partitions = partitions();
    Map<
            TopicPartition,
            org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState>
        producers = get(admin.describeProducers(partitions).all());
    List<Open> open = new ArrayList<>();
    // Per producer, the highest epoch any partition holds for it: a partition that received a
    // transaction's commit marker holds the epoch the commit bumped it to.
    Map<Long, Integer> epochs = new HashMap<>();
    producers.forEach(
        (tp, state) -> {
          for (ProducerState p : state.activeProducers()) {
            epochs.merge(p.producerId(), p.producerEpoch(), Math::max);
            if (p.currentTransactionStartOffset().isPresent()) {
              open.add(
                  new Open(
                      tp,
                      p.producerId(),
                      p.producerEpoch(),
                      p.coordinatorEpoch().orElse(-1),
                      p.currentTransactionStartOffset().getAsLong()));
            }
          }
        });
    if (open.isEmpty()) {
      suspects = new HashSet<>();
      return 0;
    }
    Map<Long, String> ids = new HashMap<>();
    Map<Open, View> views = views(open, ids, epochs);
    views.forEach(
        (o, v) -> {
          if (v == View.COMMITTED && reported.add(o)) {
            LOG.error(
                "A transaction on {} lacks its commit marker: producer {} (transactional id {},"
                    + " epoch {}) open since offset {}, which its coordinator committed. It is"
                    + " not aborted, as that would undo part of a committed transaction (a"
                    + " duplicate); read-committed readers and this group's offsets stop at it"
                    + " until it is repaired on the cluster",
                o.partition(),
                o.producerId(),
                ids.get(o.producerId()),
                o.producerEpoch(),
                o.startOffset());
          }
        });
    Set<Open> now = new HashSet<>();
    int done = 0;
    for (Open o : hanging(suspects, views, now)) {
      String txnId = ids.get(o.producerId());
      if (o.partition().topic().equals(OFFSETS_TOPIC)
          && (txnId == null || !txnId.startsWith(PREFIX))) {
        continue; // another application's group: not ours to end
      }
      get(
          admin
              .abortTransaction(
                  new AbortTransactionSpec(
                      o.partition(),
                      o.producerId(),
                      (short) o.producerEpoch(),
                      o.coordinatorEpoch()))
              .all());
      aborted.incrementAndGet();
      done++;
      LOG.warn(
          "Aborted a hanging transaction on {}: producer {} (transactional id {}, epoch {}) open"
              + " since offset {}, which its coordinator does not hold open (left by a crash;"
              + " nothing else would ever end it)",
          o.partition(),
          o.producerId(),
          txnId,
          o.producerEpoch(),
          o.startOffset());
    }
    suspects = now;
    return done;
  }

  /**
   * The decision, pure: of the open transactions just seen with their coordinator views, those not
   * open at their coordinator are this scan's suspects (added to {@code suspectsNow}); those that
   * were also suspects in the previous scan, at the same start offset, are hanging.
   */
  static List<Open> hanging(Set<Open> previous, Map<Open, View> views, Set<Open> suspectsNow) {
    List<Open> out = new ArrayList<>();
    views.forEach(
        (o, v) -> {
          if (v == View.NOT_OPEN) {
            suspectsNow.add(o);
            if (previous.contains(o)) {
              out.add(o);
            }
          }
        });
    out.sort(
        java.util.Comparator.comparing((Open o) -> o.partition().toString())
            .thenComparingLong(Open::producerId));
    return out;
  }

  /** The coordinator's view of each open transaction's producer; fills in their ids. */
  private Map<Open, View> views(List<Open> open, Map<Long, String> ids, Map<Long, Integer> epochs)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    Set<Long> pids = new HashSet<>();
    open.forEach(o -> pids.add(o.producerId()));
    Map<Long, TransactionListing> byPid = new HashMap<>();
    for (TransactionListing l :
        get(admin.listTransactions(new ListTransactionsOptions().filterProducerIds(pids)).all())) {
      byPid.put(l.producerId(), l);
      ids.put(l.producerId(), l.transactionalId());
    }
    // Ongoing ones (which partitions they hold) and committed ones (at which epoch).
    List<String> ongoing = new ArrayList<>();
    byPid.values().stream()
        .filter(
            l ->
                l.state() == TransactionState.ONGOING
                    || l.state() == TransactionState.COMPLETE_COMMIT)
        .forEach(l -> ongoing.add(l.transactionalId()));
    Map<String, TransactionDescription> described =
        ongoing.isEmpty() ? Map.of() : get(admin.describeTransactions(ongoing).all());
    Map<Open, View> views = new HashMap<>();
    for (Open o : open) {
      views.put(
          o,
          view(
              byPid.get(o.producerId()),
              described,
              o.partition(),
              o.producerEpoch(),
              epochs.getOrDefault(o.producerId(), o.producerEpoch())));
    }
    return views;
  }

  static View view(
      TransactionListing listing,
      Map<String, TransactionDescription> described,
      TopicPartition partition,
      int partitionEpoch,
      int highestEpochOnAnyPartition) {
    if (listing == null) {
      return View.NOT_OPEN;
    }
    TransactionDescription d = described.get(listing.transactionalId());
    return switch (listing.state()) {
      case ONGOING ->
          d == null || d.topicPartitions().contains(partition) ? View.OPEN_HERE : View.NOT_OPEN;
      case PREPARE_COMMIT, PREPARE_ABORT, PREPARE_EPOCH_FENCE -> View.COMPLETING;
      // A commit ends a transaction with an epoch bump (transaction version 2): a coordinator
      // epoch past the partition's means the partition's transaction is the one it committed,
      // whose markers a crash lost. Where no partition got one (none holds the producer at a
      // later epoch), no reader has seen the transaction committed and aborting it on every
      // partition that holds it open is consistent; where some partition got its commit
      // marker, aborting the rest would split it.
      case COMPLETE_COMMIT -> {
        if (d == null) {
          yield View.COMPLETING; // not described in this scan: look again in the next
        }
        if (d.producerEpoch() <= partitionEpoch) {
          yield View.NOT_OPEN; // a later transaction the coordinator never recorded
        }
        yield highestEpochOnAnyPartition > partitionEpoch ? View.COMMITTED : View.NOT_OPEN;
      }
      case COMPLETE_ABORT, EMPTY -> View.NOT_OPEN;
      default -> View.COMPLETING; // a state this client does not know: leave it to Kafka
    };
  }

  /** Every partition of the newsdesk topics (Streams' internal ones too) and of the offsets. */
  private List<TopicPartition> partitions()
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    Set<String> names = new HashSet<>();
    for (String t :
        get(
            admin
                .listTopics(
                    new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                .names())) {
      if (t.startsWith(PREFIX) || t.equals(OFFSETS_TOPIC)) {
        names.add(t);
      }
    }
    List<TopicPartition> out = new ArrayList<>();
    for (TopicDescription d : get(admin.describeTopics(names).allTopicNames()).values()) {
      for (TopicPartitionInfo p : d.partitions()) {
        out.add(new TopicPartition(d.name(), p.partition()));
      }
    }
    return out;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> f)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    return f.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scans.shutdownNow();
    try {
      scans.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(Duration.ofSeconds(5));
  }
}
