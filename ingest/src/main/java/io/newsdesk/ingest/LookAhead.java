package io.newsdesk.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How far one poll's fetches may run ahead of the item it applies next. A poll applies its items in
 * feed order, so pages fetched for later items wait in memory until every earlier item is in;
 * behind a stalled first item that would be every other page of the feed. A fetch for the item at
 * feed position {@code i} therefore starts only when {@code i} is the next to apply, or when it
 * lies fewer than {@code maxItems} positions ahead and the pages held so far are under {@code
 * maxBytes}. A fetch that may not start parks its host's chain (freeing its worker thread, so the
 * chain holding the next item always gets one) until the poll moves on. Held at any time: at most
 * {@code maxItems} results, and pages of at most {@code maxBytes} plus the fetches in flight (one
 * per worker, each within the body limit). Thread-safe.
 */
final class LookAhead {

  private final int maxItems;
  private final long maxBytes;
  private final List<Parked> parked = new ArrayList<>();
  private int next;
  private long heldBytes;
  private int heldItems;
  private int maxHeldItems;
  private long maxHeldBytes;

  private record Parked(int index, Runnable resume) {}

  LookAhead(int maxItems, long maxBytes) {
    if (maxItems < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("look-ahead limits must be positive");
    }
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
  }

  /**
   * Whether the fetch for position {@code index} may start now; if not, {@code resume} runs (on the
   * thread that applies items) once it may.
   */
  synchronized boolean enterOrPark(int index, Runnable resume) {
    if (fits(index)) {
      return true;
    }
    parked.add(new Parked(index, resume));
    return false;
  }

  /** A result for position {@code index} is in, holding {@code bytes} until it is applied. */
  synchronized void held(int index, long bytes) {
    if (index < next) {
      return; // applied already (the poll stopped waiting for it)
    }
    heldItems++;
    heldBytes += bytes;
    maxHeldItems = Math.max(maxHeldItems, heldItems);
    maxHeldBytes = Math.max(maxHeldBytes, heldBytes);
  }

  /**
   * The poll applied position {@code index}, whose result held {@code bytes} ({@code counted}:
   * whether {@link #held} counted it); chains that may go on now are resumed.
   */
  void applied(int index, long bytes, boolean counted) {
    List<Runnable> resume = new ArrayList<>();
    synchronized (this) {
      next = Math.max(next, index + 1);
      if (counted) {
        heldItems--;
        heldBytes -= bytes;
      }
      for (Iterator<Parked> it = parked.iterator(); it.hasNext(); ) {
        Parked p = it.next();
        if (fits(p.index)) {
          it.remove();
          resume.add(p.resume);
        }
      }
    }
    resume.forEach(Runnable::run);
  }

  /** Chains still parked (the poll stopped): their items are left for the next poll. */
  synchronized List<Runnable> drainParked() {
    List<Runnable> out = new ArrayList<>();
    parked.forEach(p -> out.add(p.resume));
    parked.clear();
    return out;
  }

  /** The most results held at once so far. */
  synchronized int maxHeldItems() {
    return maxHeldItems;
  }

  /** The most page bytes held at once so far. */
  synchronized long maxHeldBytes() {
    return maxHeldBytes;
  }

  private boolean fits(int index) {
    return index <= next || (index < next + maxItems && heldBytes < maxBytes);
  }
}
