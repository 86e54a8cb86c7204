package io.newsdesk.app.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The health of a running stage: named checks, each answering {@code null} when fine or the reason
 * it is not.
 */
public final class Health {

  /** The outcome: up when every check passed; the reasons of those that did not. */
  public record Status(boolean up, Map<String, String> checks) {}

  private final Map<String, Supplier<String>> checks = new ConcurrentHashMap<>();

  /** Adds or replaces the check {@code name}. */
  public Health register(String name, Supplier<String> problem) {
    checks.put(name, problem);
    return this;
  }

  public void remove(String name) {
    checks.remove(name);
  }

  /** Runs every check; a check that throws counts as failing with its message. */
  public Status check() {
    Map<String, String> results = new LinkedHashMap<>();
    boolean up = true;
    for (Map.Entry<String, Supplier<String>> c : new java.util.TreeMap<>(checks).entrySet()) {
      String problem;
      try {
        problem = c.getValue().get();
      } catch (RuntimeException e) {
        problem = "check failed: " + e;
      }
      results.put(c.getKey(), problem == null ? "ok" : problem);
      up &= problem == null;
    }
    if (checks.isEmpty()) {
      results.put("stage", "starting");
      up = false;
    }
    return new Status(up, results);
  }
}
