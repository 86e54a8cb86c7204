package io.newsdesk.enrich.extract.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Main text and metadata of one HTML page. Stateless and thread-safe. */
public final class HtmlArticleParser {

  /** The result: metadata, the main text, and where the text came from (dom, json-ld, fallback). */
  public record Parsed(
      PageMetadata metadata, String text, String textSource, List<Removals.Entry> removed) {}

  // Compiled once: String.split and replaceAll compile their pattern on every call.
  private static final Pattern NON_WORD = Pattern.compile("\\W+");

  private final boolean keepCaptions;

  public HtmlArticleParser() {
    this(false);
  }

  public HtmlArticleParser(boolean keepCaptions) {
    this.keepCaptions = keepCaptions;
  }

  /** Parses and extracts a page. */
  public Parsed parse(String html, String url) {
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    return parse(doc, url);
  }

  /** Extracts from a parsed page (the document is modified). */
  public Parsed parse(Document doc, String url) {
    PageMetadata meta = new MetadataReader(doc, url).read();
    Element body = doc.body();
    Removals removals = new Removals();
    ContentFinder finder = new ContentFinder(body, removals);
    finder.prune();
    List<Element> roots = finder.select();
    String text = clean(TextRenderer.render(roots, keepCaptions), meta.title(), removals);
    String source = "dom";
    String structured = meta.structuredBody();
    if (structured != null) {
      String s = structured.strip();
      if (s.length() > text.length() * 1.5 && s.length() > 200 && overlaps(text, s)) {
        // The DOM pass missed part of an article that the page itself describes in full.
        text = s;
        source = "json-ld";
      }
    }
    if (text.length() < 250) {
      String recall =
          clean(
              TextRenderer.render(finder.allParagraphs(), keepCaptions),
              meta.title(),
              new Removals());
      if (recall.length() > text.length() * 2) {
        text = recall;
        source = "fallback";
      }
      if (structured != null && structured.length() > text.length() * 1.5) {
        text = structured.strip();
        source = "json-ld";
      }
    }
    return new Parsed(meta, text, source, removals.entries());
  }

  private static boolean overlaps(String dom, String structured) {
    if (dom.isEmpty()) {
      return true;
    }
    Set<String> words = new HashSet<>(List.of(NON_WORD.split(structured.toLowerCase(Locale.ROOT))));
    String[] domWords = NON_WORD.split(dom.toLowerCase(Locale.ROOT));
    int hit = 0;
    for (String w : domWords) {
      if (words.contains(w)) {
        hit++;
      }
    }
    return hit >= domWords.length * 0.6;
  }

  /** The precision pass over rendered blocks. */
  static String clean(List<TextRenderer.Block> blocks, String title, Removals removals) {
    String normTitle = title == null ? "" : norm(title);
    List<String> out = new ArrayList<>();
    String previous = null;
    for (TextRenderer.Block b : blocks) {
      String t = b.text();
      if (Boilerplate.boilerplateLine(t)) {
        removals.add("chrome-line", t);
        continue;
      }
      if (b.heading() && !normTitle.isEmpty() && norm(t).equals(normTitle)) {
        removals.add("title", t);
        continue;
      }
      double ld = b.linkDensity();
      if ((ld > 0.5 && t.length() < 400) || ld > 0.75) {
        removals.add("link-list", t);
        continue;
      }
      if (t.equals(previous)) {
        removals.add("duplicate", t);
        continue;
      }
      out.add(t);
      previous = t;
    }
    return String.join("\n\n", out);
  }

  private static String norm(String s) {
    return NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
