package io.newsdesk.app.bench;

import io.newsdesk.app.demo.DemoSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Generates benchmark pages from the demo's sources: each page wraps paragraphs of new sentences,
 * made by random walks over the word pairs of every demo article and scrape, in the chrome of a
 * demo page, so texts read like news and differ as real articles do. Every tenth document is an
 * exact copy of the one before and every tenth (offset five) a near copy (paragraphs reordered, a
 * sentence dropped), as wire copies are. Seeded: the same N gives the same corpus.
 */
public final class BenchCorpus {

  private static final List<String> PAGES =
      List.of(
          "site/articles/fm-interview.html",
          "site/articles/blinken-call.html",
          "site/articles/sudani-coalition.html",
          "site/articles/oil-markets.html");

  private BenchCorpus() {}

  /** {@code n} HTML documents. */
  public static List<String> generate(int n, long seed) {
    Map<String, List<String>> next = bigrams(sentencePool());
    List<String> starts = next.get(START);
    List<String> chrome = PAGES.stream().map(DemoSite::resource).toList();
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(n);
    List<List<String>> bodies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> paragraphs;
      if (i % 10 == 9) {
        out.add(out.get(i - 1));
        bodies.add(bodies.get(i - 1));
        continue;
      } else if (i % 10 == 5) {
        paragraphs = new ArrayList<>(bodies.get(i - 1));
        java.util.Collections.rotate(paragraphs, 1);
        paragraphs.set(0, paragraphs.get(0).replaceFirst("^[^.]+\\. ", ""));
      } else {
        paragraphs = new ArrayList<>();
        int count = 4 + random.nextInt(4);
        for (int p = 0; p < count; p++) {
          StringBuilder b = new StringBuilder();
          for (int k = 0; k < 2 + random.nextInt(2); k++) {
            b.append(sentence(next, starts, random)).append(' ');
          }
          paragraphs.add(b.toString().strip());
        }
      }
      bodies.add(paragraphs);
      out.add(page(chrome.get(i % chrome.size()), i, paragraphs));
    }
    return out;
  }

  private static String page(String chrome, int i, List<String> paragraphs) {
    int first = chrome.indexOf("<p>");
    int last = chrome.lastIndexOf("</p>");
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<p>").append(p).append("</p>\n");
    }
    String page = chrome.substring(0, first) + body + chrome.substring(last + 4);
    // Each page is its own article: a shared rel=canonical would make them URL duplicates.
    return page.replace("rel=\"canonical\" href=\"", "rel=\"canonical\" href=\"/bench/" + i);
  }

  private static final String START = "";

  /** Which words follow which in the pool; {@code START} maps to sentence openers. */
  private static Map<String, List<String>> bigrams(List<String> sentences) {
    Map<String, List<String>> next = new HashMap<>();
    for (String s : sentences) {
      String prev = START;
      for (String w : s.split("\\s+")) {
        next.computeIfAbsent(prev, k -> new ArrayList<>()).add(w);
        prev = w;
      }
    }
    return next;
  }

  /** A new sentence: a random walk over the pool's word pairs, ending at a full stop. */
  private static String sentence(
      Map<String, List<String>> next, List<String> starts, Random random) {
    StringBuilder b = new StringBuilder();
    String w = starts.get(random.nextInt(starts.size()));
    for (int n = 0; n < 40; n++) {
      b.append(w);
      List<String> after = next.get(w);
      if (w.endsWith(".") || after == null) {
        break;
      }
      b.append(' ');
      w = after.get(random.nextInt(after.size()));
    }
    String s = b.toString().strip();
    return s.endsWith(".") ? s : s + ".";
  }

  /** Every sentence of the demo's articles and scrapes. */
  static List<String> sentencePool() {
    Set<String> pool = new LinkedHashSet<>();
    List<String> sources = new ArrayList<>(PAGES);
    sources.add("site/articles/wire-copy.html");
    for (String page : sources) {
      Jsoup.parse(DemoSite.resource(page)).select("p").forEach(p -> split(p.text(), pool));
    }
    for (String text : DemoSite.PUSHES) {
      for (String line : DemoSite.resource(text).split("\n")) {
        if (line.length() > 80) {
          split(line, pool);
        }
      }
    }
    return List.copyOf(pool);
  }

  private static void split(String text, Set<String> pool) {
    for (String s : text.split("(?<=[.!?])\\s+(?=[A-Z\"])")) {
      if (s.length() > 40) {
        pool.add(s.strip());
      }
    }
  }

  /**
   * A real page that the pipeline treats as another article: every text node's words in reverse
   * order (same words, names, length and markup, so extraction, tagging and sentiment do the same
   * kind of work, but no shared three-word shingle, hence neither an exact nor a near duplicate of
   * the page; words of scripts written without spaces, such as Chinese, and of nodes of one or two
   * words have their characters reversed too), its canonical link and og:url under {@code
   * https://warmup.invalid/<n>/} (no URL duplicate), and no JSON-LD (whose articleBody some pages'
   * text is taken from).
   */
  static String disguise(String html, int n) {
    org.jsoup.nodes.Document doc = Jsoup.parse(html);
    String prefix = "https://warmup.invalid/" + n + "/";
    for (org.jsoup.nodes.Element e : doc.select("link[rel~=(?i)canonical]")) {
      e.attr("href", prefix + e.attr("href"));
    }
    for (org.jsoup.nodes.Element e : doc.select("meta[property=og:url], meta[name=og:url]")) {
      e.attr("content", prefix + e.attr("content"));
    }
    doc.select("script[type~=(?i)ld\\+json]").remove();
    doc.traverse(
        (node, depth) -> {
          if (node instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) {
            t.text(reverseWords(t.getWholeText()));
          }
        });
    return doc.outerHtml();
  }

  /** The words of {@code text} in reverse order, its leading and trailing space kept. */
  static String reverseWords(String text) {
    String[] words = text.strip().split("\\s+");
    java.util.Collections.reverse(java.util.Arrays.asList(words));
    for (int i = 0; i < words.length; i++) {
      // A node of one or two words (lines of verse, words in links of their own) would keep its
      // shingles across the node boundaries: such words are reversed too.
      if (words.length < 3 || words[i].codePoints().anyMatch(BenchCorpus::unspaced)) {
        words[i] = new StringBuilder(words[i]).reverse().toString();
      }
    }
    int lead = text.indexOf(text.strip());
    return text.substring(0, lead)
        + String.join(" ", words)
        + text.substring(lead + text.strip().length());
  }

  /** A character of a script written without spaces between words. */
  private static boolean unspaced(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL
        || s == Character.UnicodeScript.THAI;
  }

  /** Real pages: each distinct page once, in a fixed order, and what they are. */
  public record RealPages(List<String> pages, String description) {

    /** {@code n} documents: every distinct page once before any repeats (cycled beyond that). */
    public List<String> take(int n) {
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(pages.get(i % pages.size()));
      }
      return out;
    }

    /**
     * {@code n} warm-up documents made from these pages (cycled) so that none is a copy of a timed
     * document: see {@link BenchCorpus#disguise}.
     */
    public List<String> warmup(int n) {
      return warmup(0, n);
    }

    /**
     * Warm-up documents {@code from} to {@code from + n - 1} of the sequence {@link #warmup(int)}
     * starts.
     */
    public List<String> warmup(int from, int n) {
      List<String> out = new ArrayList<>(n);
      for (int i = from; i < from + n; i++) {
        out.add(disguise(pages.get(i % pages.size()), i));
      }
      return out;
    }

    /** How many of {@code n} documents repeat a page already in the run. */
    public int repeats(int n) {
      return Math.max(0, n - pages.size());
    }
  }

  /**
   * The real pages under {@code data}: the *.html[.gz] files of the extraction benchmarks (in each
   * set, in path order); empty when the data is absent.
   */
  public static java.util.Optional<RealPages> real(Path data) throws java.io.IOException {
    if (data == null) {
      return java.util.Optional.empty();
    }
    io.newsdesk.enrich.extract.eval.BenchmarkPages found =
        io.newsdesk.enrich.extract.eval.BenchmarkPages.read(data);
    if (found.pages().isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new RealPages(
            found.pages(),
            found.pages().size()
                + " distinct real pages ("
                + String.join(", ", found.parts())
                + ")"));
  }
}
