package io.newsdesk.ingest;

import io.newsdesk.ingest.fetch.AddressPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Validated settings of the ingest stage; {@link #defaults()} gives sensible production values. */
public record IngestConfig(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    long maxBodyBytes,
    int maxRedirects,
    Duration perHostMinDelay,
    int perHostConnections,
    int maxRetries,
    Duration backoffBase,
    Duration backoffMax,
    Duration minPollInterval,
    Duration maxPollInterval,
    Duration defaultPollInterval,
    int maxConcurrentFetches,
    Duration robotsCacheTtl,
    boolean respectRobots,
    int maxSeenPerSource,
    int maxSeenGlobal,
    int maxItemsPerPoll,
    long maxPushBytes,
    String pushBindAddress,
    List<String> allowNetworks,
    List<String> allowHosts,
    String pushToken,
    int maxPushArticles,
    Duration pushReadTimeout,
    int pushThreads,
    java.nio.file.Path pushTlsKeystore,
    String pushTlsPassword,
    int itemRetries,
    int maxLookAheadItems,
    long maxLookAheadBytes,
    int maxFolderFiles,
    long maxFolderBytes) {

  /** The agent string Newsdesk sends unless told otherwise. */
  public static final String DEFAULT_USER_AGENT = "Newsdesk/0.1 (+https://github.com/newsdesk)";

  public IngestConfig {
    requireText("userAgent", userAgent);
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("readTimeout", readTimeout);
    require("maxBodyBytes", maxBodyBytes > 0, "must be > 0");
    require("maxRedirects", maxRedirects >= 0, "must be >= 0");
    requireNonNegative("perHostMinDelay", perHostMinDelay);
    require("perHostConnections", perHostConnections > 0, "must be > 0");
    require("maxRetries", maxRetries >= 0, "must be >= 0");
    requireNonNegative("backoffBase", backoffBase);
    requireNonNegative("backoffMax", backoffMax);
    require("backoffMax", backoffMax.compareTo(backoffBase) >= 0, "must be >= backoffBase");
    requirePositive("minPollInterval", minPollInterval);
    requirePositive("maxPollInterval", maxPollInterval);
    require(
        "maxPollInterval",
        maxPollInterval.compareTo(minPollInterval) >= 0,
        "must be >= minPollInterval");
    requirePositive("defaultPollInterval", defaultPollInterval);
    require(
        "defaultPollInterval",
        defaultPollInterval.compareTo(minPollInterval) >= 0
            && defaultPollInterval.compareTo(maxPollInterval) <= 0,
        "must lie between minPollInterval and maxPollInterval");
    require("maxConcurrentFetches", maxConcurrentFetches > 0, "must be > 0");
    requirePositive("robotsCacheTtl", robotsCacheTtl);
    require("maxSeenPerSource", maxSeenPerSource > 0, "must be > 0");
    require("maxSeenGlobal", maxSeenGlobal > 0, "must be > 0");
    require("maxItemsPerPoll", maxItemsPerPoll > 0, "must be > 0");
    require("maxPushBytes", maxPushBytes > 0, "must be > 0");
    requireText("pushBindAddress", pushBindAddress);
    allowNetworks = List.copyOf(Objects.requireNonNull(allowNetworks, "allowNetworks"));
    allowHosts = List.copyOf(Objects.requireNonNull(allowHosts, "allowHosts"));
    try {
      AddressPolicy.validate(allowNetworks, allowHosts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ingest config 'allowNetworks/allowHosts' " + e.getMessage(), e);
    }
    require(
        "pushToken",
        pushToken == null || pushToken.strip().length() >= 16,
        "must be at least 16 characters when set");
    require("maxPushArticles", maxPushArticles > 0, "must be > 0");
    requirePositive("pushReadTimeout", pushReadTimeout);
    require("pushThreads", pushThreads > 0, "must be > 0");
    require(
        "pushTlsPassword",
        pushTlsKeystore == null || pushTlsPassword != null,
        "must be set with pushTlsKeystore");
    require("itemRetries", itemRetries >= 0, "must be >= 0");
    require("maxLookAheadItems", maxLookAheadItems > 0, "must be > 0");
    require("maxLookAheadBytes", maxLookAheadBytes > 0, "must be > 0");
    require("maxFolderFiles", maxFolderFiles > 0, "must be > 0");
    require("maxFolderBytes", maxFolderBytes > 0, "must be > 0");
  }

  /**
   * Fetch workers by default: four per core. A worker never sleeps through a host's politeness
   * delay (that work waits in the scheduler's queue), so it only waits on the network, and a page
   * fetch spends most of its time there; four per core keeps the cores busy parsing and publishing
   * while others wait, without hundreds of idle threads (8 on a 2-core machine).
   */
  public static int defaultFetchWorkers() {
    return 4 * Runtime.getRuntime().availableProcessors();
  }

  /** Production defaults: 1 s per host, 10 MB bodies, 15 min default interval. */
  public static IngestConfig defaults() {
    return new IngestConfig(
        DEFAULT_USER_AGENT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        10L * 1024 * 1024,
        5,
        Duration.ofSeconds(1),
        1,
        3,
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(2),
        Duration.ofHours(24),
        Duration.ofMinutes(15),
        defaultFetchWorkers(),
        Duration.ofHours(24),
        true,
        2000,
        1_000_000,
        500,
        5L * 1024 * 1024,
        "127.0.0.1",
        List.of(),
        List.of(),
        null,
        100,
        Duration.ofSeconds(10),
        8,
        null,
        null,
        3,
        DEFAULT_LOOK_AHEAD_ITEMS,
        DEFAULT_LOOK_AHEAD_BYTES,
        DEFAULT_FOLDER_FILES,
        DEFAULT_FOLDER_BYTES);
  }

  /**
   * Items of one poll fetched ahead of the item it applies next (applied in feed order): behind a
   * stalled first item, at most this many later results wait in memory.
   */
  public static final int DEFAULT_LOOK_AHEAD_ITEMS = 64;

  /** Page bytes of one poll held ahead of the item it applies next: 32 MiB. */
  public static final long DEFAULT_LOOK_AHEAD_BYTES = 32L * 1024 * 1024;

  /**
   * Files the drop folder takes in one poll (one transaction), oldest first; the rest wait for the
   * next poll, which comes at once while files remain. Bounds the memory of a poll however many
   * files are dropped at a time.
   */
  public static final int DEFAULT_FOLDER_FILES = 200;

  /** Bytes of files the drop folder reads in one poll (a single larger file is still taken). */
  public static final long DEFAULT_FOLDER_BYTES = 32L * 1024 * 1024;

  /** Like the record's own, with the push token and keystore password masked. */
  @Override
  public String toString() {
    return "IngestConfig[userAgent="
        + userAgent
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", readTimeout="
        + readTimeout
        + ", itemRetries="
        + itemRetries
        + ", maxLookAheadItems="
        + maxLookAheadItems
        + ", maxLookAheadBytes="
        + maxLookAheadBytes
        + ", maxFolderFiles="
        + maxFolderFiles
        + ", maxFolderBytes="
        + maxFolderBytes
        + ", maxConcurrentFetches="
        + maxConcurrentFetches
        + ", pushBindAddress="
        + pushBindAddress
        + ", pushToken="
        + (pushToken == null ? "none" : "***")
        + ", pushTlsKeystore="
        + pushTlsKeystore
        + ", allowNetworks="
        + allowNetworks
        + ", allowHosts="
        + allowHosts
        + "]";
  }

  /** A builder seeded with {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder seeded with this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The agent token robots.txt rules are matched against: the product name, lower case. */
  public String robotsAgentName() {
    String token = userAgent.split("[/ ]", 2)[0];
    return token.toLowerCase(java.util.Locale.ROOT);
  }

  private static void require(String key, boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("ingest config '" + key + "' " + what);
    }
  }

  private static void requireText(String key, String value) {
    require(key, value != null && !value.isBlank(), "must not be blank");
  }

  private static void requirePositive(String key, Duration d) {
    require(key, d != null && !d.isNegative() && !d.isZero(), "must be a positive duration");
  }

  private static void requireNonNegative(String key, Duration d) {
    require(key, d != null && !d.isNegative(), "must not be negative");
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private String userAgent;
    private Duration connectTimeout;
    private Duration readTimeout;
    private long maxBodyBytes;
    private int maxRedirects;
    private Duration perHostMinDelay;
    private int perHostConnections;
    private int maxRetries;
    private Duration backoffBase;
    private Duration backoffMax;
    private Duration minPollInterval;
    private Duration maxPollInterval;
    private Duration defaultPollInterval;
    private int maxConcurrentFetches;
    private Duration robotsCacheTtl;
    private boolean respectRobots;
    private int maxSeenPerSource;
    private int maxSeenGlobal;
    private int maxItemsPerPoll;
    private long maxPushBytes;
    private String pushBindAddress;
    private List<String> allowNetworks;
    private List<String> allowHosts;
    private String pushToken;
    private int maxPushArticles;
    private Duration pushReadTimeout;
    private int pushThreads;
    private java.nio.file.Path pushTlsKeystore;
    private String pushTlsPassword;
    private int itemRetries;
    private int maxLookAheadItems;
    private long maxLookAheadBytes;
    private int maxFolderFiles;
    private long maxFolderBytes;

    private Builder(IngestConfig c) {
      Objects.requireNonNull(c);
      userAgent = c.userAgent;
      connectTimeout = c.connectTimeout;
      readTimeout = c.readTimeout;
      maxBodyBytes = c.maxBodyBytes;
      maxRedirects = c.maxRedirects;
      perHostMinDelay = c.perHostMinDelay;
      perHostConnections = c.perHostConnections;
      maxRetries = c.maxRetries;
      backoffBase = c.backoffBase;
      backoffMax = c.backoffMax;
      minPollInterval = c.minPollInterval;
      maxPollInterval = c.maxPollInterval;
      defaultPollInterval = c.defaultPollInterval;
      maxConcurrentFetches = c.maxConcurrentFetches;
      robotsCacheTtl = c.robotsCacheTtl;
      respectRobots = c.respectRobots;
      maxSeenPerSource = c.maxSeenPerSource;
      maxSeenGlobal = c.maxSeenGlobal;
      maxItemsPerPoll = c.maxItemsPerPoll;
      maxPushBytes = c.maxPushBytes;
      pushBindAddress = c.pushBindAddress;
      allowNetworks = c.allowNetworks;
      allowHosts = c.allowHosts;
      pushToken = c.pushToken;
      maxPushArticles = c.maxPushArticles;
      pushReadTimeout = c.pushReadTimeout;
      pushThreads = c.pushThreads;
      pushTlsKeystore = c.pushTlsKeystore;
      pushTlsPassword = c.pushTlsPassword;
      itemRetries = c.itemRetries;
      maxLookAheadItems = c.maxLookAheadItems;
      maxLookAheadBytes = c.maxLookAheadBytes;
      maxFolderFiles = c.maxFolderFiles;
      maxFolderBytes = c.maxFolderBytes;
    }

    public Builder userAgent(String v) {
      userAgent = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    public Builder readTimeout(Duration v) {
      readTimeout = v;
      return this;
    }

    public Builder maxBodyBytes(long v) {
      maxBodyBytes = v;
      return this;
    }

    public Builder maxRedirects(int v) {
      maxRedirects = v;
      return this;
    }

    public Builder perHostMinDelay(Duration v) {
      perHostMinDelay = v;
      return this;
    }

    public Builder perHostConnections(int v) {
      perHostConnections = v;
      return this;
    }

    public Builder maxRetries(int v) {
      maxRetries = v;
      return this;
    }

    public Builder backoffBase(Duration v) {
      backoffBase = v;
      return this;
    }

    public Builder backoffMax(Duration v) {
      backoffMax = v;
      return this;
    }

    public Builder minPollInterval(Duration v) {
      minPollInterval = v;
      return this;
    }

    public Builder maxPollInterval(Duration v) {
      maxPollInterval = v;
      return this;
    }

    public Builder defaultPollInterval(Duration v) {
      defaultPollInterval = v;
      return this;
    }

    public Builder maxConcurrentFetches(int v) {
      maxConcurrentFetches = v;
      return this;
    }

    public Builder robotsCacheTtl(Duration v) {
      robotsCacheTtl = v;
      return this;
    }

    public Builder respectRobots(boolean v) {
      respectRobots = v;
      return this;
    }

    public Builder maxSeenPerSource(int v) {
      maxSeenPerSource = v;
      return this;
    }

    public Builder maxSeenGlobal(int v) {
      maxSeenGlobal = v;
      return this;
    }

    public Builder maxItemsPerPoll(int v) {
      maxItemsPerPoll = v;
      return this;
    }

    public Builder maxPushBytes(long v) {
      maxPushBytes = v;
      return this;
    }

    public Builder pushBindAddress(String v) {
      pushBindAddress = v;
      return this;
    }

    /** CIDRs fetches may reach although private or loopback (e.g. an intranet feed). */
    public Builder allowNetworks(List<String> v) {
      allowNetworks = v;
      return this;
    }

    /** HOST or HOST:PORT fetches may reach whatever the host resolves to. */
    public Builder allowHosts(List<String> v) {
      allowHosts = v;
      return this;
    }

    /** The bearer token pushes must carry; null accepts none (the receiver refuses to start). */
    public Builder pushToken(String v) {
      pushToken = v;
      return this;
    }

    public Builder maxPushArticles(int v) {
      maxPushArticles = v;
      return this;
    }

    public Builder pushReadTimeout(Duration v) {
      pushReadTimeout = v;
      return this;
    }

    public Builder pushThreads(int v) {
      pushThreads = v;
      return this;
    }

    /** A PKCS12 or JKS keystore: the push receiver then speaks HTTPS only. */
    public Builder pushTls(java.nio.file.Path keystore, String password) {
      pushTlsKeystore = keystore;
      pushTlsPassword = password;
      return this;
    }

    /**
     * How many later polls try again an item whose fetch failed transiently (fetch deadline,
     * 429/5xx, connection refused) before it becomes a dead letter; 0 dead-letters at once.
     */
    public Builder itemRetries(int v) {
      itemRetries = v;
      return this;
    }

    /**
     * The look-ahead of a poll: how many later items, and how many bytes of their pages, may wait
     * in memory for an earlier item that is still being fetched.
     */
    public Builder lookAhead(int items, long bytes) {
      maxLookAheadItems = items;
      maxLookAheadBytes = bytes;
      return this;
    }

    /**
     * The bound of one drop-folder poll: at most this many files and about this many bytes (the
     * first file of a poll is taken whatever its size, up to {@code maxBodyBytes}).
     */
    public Builder folderBatch(int files, long bytes) {
      maxFolderFiles = files;
      maxFolderBytes = bytes;
      return this;
    }

    public IngestConfig build() {
      return new IngestConfig(
          userAgent,
          connectTimeout,
          readTimeout,
          maxBodyBytes,
          maxRedirects,
          perHostMinDelay,
          perHostConnections,
          maxRetries,
          backoffBase,
          backoffMax,
          minPollInterval,
          maxPollInterval,
          defaultPollInterval,
          maxConcurrentFetches,
          robotsCacheTtl,
          respectRobots,
          maxSeenPerSource,
          maxSeenGlobal,
          maxItemsPerPoll,
          maxPushBytes,
          pushBindAddress,
          allowNetworks,
          allowHosts,
          pushToken,
          maxPushArticles,
          pushReadTimeout,
          pushThreads,
          pushTlsKeystore,
          pushTlsPassword,
          itemRetries,
          maxLookAheadItems,
          maxLookAheadBytes,
          maxFolderFiles,
          maxFolderBytes);
    }
  }
}
