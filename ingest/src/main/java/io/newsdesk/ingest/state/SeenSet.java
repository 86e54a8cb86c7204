package io.newsdesk.ingest.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A process-wide, bounded set of canonical URLs already published, oldest evicted first. */
public final class SeenSet {
  private final Map<String, Boolean> entries;

  public SeenSet(int capacity) {
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Records a key; true when it was not there before (the caller owns it). */
  public synchronized boolean claim(String key) {
    return entries.putIfAbsent(key, Boolean.TRUE) == null;
  }

  /** Forgets a claim whose publication failed, so a later poll may take it again. */
  public synchronized void release(String key) {
    entries.remove(key);
  }

  /** Whether the key was seen. */
  public synchronized boolean contains(String key) {
    return entries.containsKey(key);
  }

  /** How many keys are held. */
  public synchronized int size() {
    return entries.size();
  }
}
