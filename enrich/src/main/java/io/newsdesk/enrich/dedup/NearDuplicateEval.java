package io.newsdesk.enrich.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures near-duplicate detection on a corpus built in code: real article bodies (ScrapingHub's
 * ground truth), edited copies of some (other boilerplate, edited title, paragraphs reordered or
 * cut, sentences changed) and other articles wrapped in one shared boilerplate. The documents run
 * in order through the same band-index and answer logic the topology uses; a flag is right when it
 * points into the same family (the original or another copy of it).
 */
public final class NearDuplicateEval {

  /** The kinds of edit a copy goes through. */
  public enum Kind {
    BOILERPLATE,
    TITLE,
    REORDER,
    CUT,
    SENTENCES,
    MIXED
  }

  /** One document of the corpus: its family (the original's id) and how it was made. */
  public record Doc(String id, String family, Kind kind, String text) {}

  /** A flag the detector raised, and whether it was right. */
  public record Flag(String id, String duplicateOf, double similarity, boolean correct) {}

  /** The figures at one threshold. */
  public record Result(
      double threshold,
      int documents,
      int copies,
      int flagged,
      int correct,
      Map<Kind, int[]> recallByKind,
      List<Flag> flags,
      double microsPerDocument) {
    public double precision() {
      return flagged == 0 ? 1 : (double) correct / flagged;
    }

    public double recall() {
      return copies == 0 ? 0 : (double) correct / copies;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SITES = {
    "Harbour Gazette", "Valley Courier", "Metro Ledger", "Coastal Post", "Northern Herald"
  };

  private NearDuplicateEval() {}

  /** Article bodies from ScrapingHub's {@code ground-truth.json}, keyed by page id. */
  public static Map<String, String> loadBodies(Path groundTruth) throws IOException {
    JsonNode root = JSON.readTree(groundTruth.toFile());
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String body = e.getValue().path("articleBody").asText("").strip();
      if (body.split("\\s+").length >= 40) {
        out.put(e.getKey(), body);
      }
    }
    return out;
  }

  /**
   * Builds the corpus: two thirds of the bodies are originals with one copy of each kind; the rest
   * appear once each, all in the same site boilerplate (pairs that must not be flagged).
   */
  public static List<Doc> corpus(Map<String, String> bodies, long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>(bodies.keySet());
    Collections.shuffle(ids, random);
    int originals = ids.size() * 2 / 3;
    List<Doc> docs = new ArrayList<>();
    List<Doc> copies = new ArrayList<>();
    for (int i = 0; i < originals; i++) {
      String id = ids.get(i);
      String body = bodies.get(id);
      String donor = bodies.get(ids.get((i + 1) % ids.size()));
      docs.add(new Doc(id, id, null, titled(body) + "\n\n" + body));
      for (Kind k : Kind.values()) {
        copies.add(new Doc(id + "~" + k.name().toLowerCase(), id, k, edit(body, donor, k, random)));
      }
    }
    Collections.shuffle(copies, random);
    docs.addAll(copies);
    String shared = boilerplate(random, SITES[0]);
    for (int i = originals; i < ids.size(); i++) {
      String id = ids.get(i);
      String body = bodies.get(id);
      docs.add(new Doc(id, id, null, titled(body) + "\n\n" + body + "\n\n" + shared));
    }
    return docs;
  }

  /** Runs the corpus through the band index at a threshold. */
  public static Result run(List<Doc> docs, NearDuplicateConfig config) {
    MinHasher hasher = new MinHasher(config);
    Map<String, BandEntry> bands = new HashMap<>();
    Map<String, String> familyOf = new HashMap<>();
    docs.forEach(d -> familyOf.put(d.id(), d.family()));
    List<Flag> flags = new ArrayList<>();
    Map<Kind, int[]> byKind = new LinkedHashMap<>();
    int copies = 0;
    long start = System.nanoTime();
    long at = 0;
    for (Doc d : docs) {
      at++;
      if (d.kind() != null) {
        copies++;
        byKind.computeIfAbsent(d.kind(), k -> new int[2])[1]++;
      }
      Signature sig = hasher.signature(d.text());
      if (sig == null) {
        continue;
      }
      BandProbe probe = new BandProbe(d.id(), sig.sketch());
      Tally tally = Tally.EMPTY;
      for (int b = 0; b < sig.bands(); b++) {
        String key = sig.bandKey(b);
        BandEntry first = bands.get(key);
        if (first == null) {
          bands.put(key, new BandEntry(d.id(), at, probe.sketch()));
          tally = tally.add(BandAnswer.none(d.id()));
        } else {
          tally = tally.add(BandIndexProcessor.answer(first, probe, config.threshold()));
        }
      }
      if (tally.bestId() != null) {
        boolean ok = d.family().equals(familyOf.get(tally.bestId()));
        flags.add(new Flag(d.id(), tally.bestId(), tally.bestSimilarity(), ok));
        if (ok && d.kind() != null) {
          byKind.get(d.kind())[0]++;
        }
      }
    }
    double micros = (System.nanoTime() - start) / 1e3 / docs.size();
    int correct = (int) flags.stream().filter(f -> f.correct() && f.id().contains("~")).count();
    return new Result(
        config.threshold(), docs.size(), copies, flags.size(), correct, byKind, flags, micros);
  }

  static String titled(String body) {
    String[] words = body.split("\\s+");
    return String.join(" ", Arrays.copyOf(words, Math.min(9, words.length)));
  }

  static String edit(String body, String donor, Kind kind, Random random) {
    List<String> paras = paragraphs(body);
    String title = titled(body);
    switch (kind) {
      case BOILERPLATE -> {
        return title
            + "\n\n"
            + String.join("\n\n", paras)
            + "\n\n"
            + boilerplate(random, site(random));
      }
      case TITLE -> {
        return "Update: "
            + titled(donor)
            + " | "
            + site(random)
            + "\n\n"
            + String.join("\n\n", paras);
      }
      case REORDER -> {
        List<String> moved = new ArrayList<>(paras);
        if (moved.size() > 2) {
          Collections.shuffle(moved.subList(1, moved.size()), random);
        } else {
          moved = reorderSentences(moved, random);
        }
        return title + "\n\n" + String.join("\n\n", moved);
      }
      case CUT -> {
        return title + "\n\n" + cut(paras, 0.3);
      }
      case SENTENCES -> {
        return title + "\n\n" + changeSentences(String.join("\n\n", paras), donor, 3, random);
      }
      case MIXED -> {
        String text = changeSentences(cut(paras, 0.2), donor, 2, random);
        return "Exclusive: " + title + "\n\n" + text + "\n\n" + boilerplate(random, site(random));
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
  }

  private static List<String> paragraphs(String body) {
    List<String> out = new ArrayList<>();
    for (String p : body.split("\\n\\s*\\n|\\n")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static List<String> reorderSentences(List<String> paras, Random random) {
    List<String> sentences =
        new ArrayList<>(Arrays.asList(String.join(" ", paras).split("(?<=[.!?])\\s+")));
    if (sentences.size() > 2) {
      Collections.shuffle(sentences.subList(1, sentences.size()), random);
    }
    return List.of(String.join(" ", sentences));
  }

  /** Drops the last share of the words, at a paragraph boundary when there are paragraphs. */
  private static String cut(List<String> paras, double share) {
    String all = String.join("\n\n", paras);
    int words = all.split("\\s+").length;
    int keep = (int) Math.ceil(words * (1 - share));
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (String w : all.split("(?<=\\s)")) {
      if (n++ >= keep) {
        break;
      }
      sb.append(w);
    }
    return sb.toString().strip();
  }

  /** Rewrites a few sentences: some words swapped for the donor's, one sentence replaced. */
  private static String changeSentences(String text, String donor, int n, Random random) {
    List<String> sentences = new ArrayList<>(Arrays.asList(text.split("(?<=[.!?])\\s+")));
    List<String> donorSentences = Arrays.asList(donor.split("(?<=[.!?])\\s+"));
    for (int i = 0; i < n && !sentences.isEmpty(); i++) {
      int at = random.nextInt(sentences.size());
      if (i == 0) {
        sentences.set(at, donorSentences.get(random.nextInt(donorSentences.size())));
      } else {
        String[] words = sentences.get(at).split(" ");
        String[] donorWords = donor.split("\\s+");
        for (int w = 0; w < words.length; w += 4) {
          words[w] = donorWords[random.nextInt(donorWords.length)];
        }
        sentences.set(at, String.join(" ", words));
      }
    }
    return String.join(" ", sentences);
  }

  private static String site(Random random) {
    return SITES[1 + random.nextInt(SITES.length - 1)];
  }

  /** Site chrome made up in code: navigation, newsletter, related links, legal line. */
  static String boilerplate(Random random, String site) {
    String[] related = {
      "Council approves new budget for road repairs",
      "Local team wins regional championship",
      "Weather service warns of heavy rain this weekend",
      "Five things to know before the markets open",
      "Opinion: why the city needs more parks",
      "Police appeal for witnesses after crash",
      "New restaurant opens in the old station"
    };
    StringBuilder sb = new StringBuilder();
    sb.append("Sign up for the ")
        .append(site)
        .append(" daily newsletter and get the top stories in your inbox every morning.\n\n");
    sb.append("Related stories\n\n");
    for (int i = 0; i < 3; i++) {
      sb.append(related[random.nextInt(related.length)]).append("\n\n");
    }
    sb.append("Copyright ")
        .append(site)
        .append(". All rights reserved. Terms of use. Privacy policy. Contact us.");
    return sb.toString();
  }
}
