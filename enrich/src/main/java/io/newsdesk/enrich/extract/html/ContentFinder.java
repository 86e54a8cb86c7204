package io.newsdesk.enrich.extract.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the main text of a page: prunes chrome, scores containers by their paragraphs (text,
 * commas, link density, class hints), merges related siblings and renders the winner as blocks.
 * Mutates the DOM it is given; one instance per page.
 */
final class ContentFinder {

  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "blockquote", "td", "li");
  private static final Set<String> DIV_LIKE =
      Set.of("div", "section", "article", "main", "span", "font", "center");

  /** Text statistics of one element, computed bottom-up once. */
  private static final class Stats {
    int text;
    int link;
    int paraText;
    int commas;
    // Length and commas of the text nodes directly in the element (the loose text beside blocks).
    int ownText;
    int ownCommas;
    boolean paragraph;
    double score;
    boolean candidate;
  }

  private static final java.util.regex.Pattern COMMENTS =
      java.util.regex.Pattern.compile("(?i)comment|disqus|respond|replies");

  /** Elements that may hide their content; {@link #removeHidden} judges them. */
  private static final String HIDDEN = "[hidden], [style], [aria-hidden=true]";

  // Parsed once: parsing the query per page cost as much as running it.
  private static final Evaluator HIDDEN_QUERY = QueryParser.parse(HIDDEN);

  private static final boolean DEBUG = Boolean.getBoolean("extract.debug");
  private Map<Element, Stats> stats = new IdentityHashMap<>();
  // Elements the never-content walk kept: the size of the statistics map, which then never grows.
  private int walked;
  // Elements whose subtree lost an element since it was measured: only these are measured again.
  private final Set<Element> changed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  // Comments met by the never-content walk, removed by prune.
  private final List<Comment> comments = new ArrayList<>();
  private final Element body;
  private final Removals removals;

  ContentFinder(Element body, Removals removals) {
    this.body = body;
    this.removals = removals;
  }

  /** Removes what is never content and what is marked as chrome. */
  void prune() {
    removeNeverContentAndHidden();
    for (Comment c : comments) {
      c.remove();
    }
    comments.clear();
    stats = new IdentityHashMap<>(walked);
    measure(body);
    int pageParaText = Math.max(1, stats(body).paraText);
    for (Element child : childElements(body)) {
      pruneTree(child, pageParaText);
    }
    // The statistics stay: select() measures again only the ancestors of what was pruned.
  }

  /**
   * Removes the elements of {@link Boilerplate#NEVER_CONTENT}, then those the page hides, as a CSS
   * query for each did one after the other: one walk, which does not enter never-content elements
   * (they go first, with all they hold), collects both, instead of a query that tests twenty tag
   * names on every element and a second walk for the hidden ones. The comments it meets outside
   * never-content elements are kept for {@link #prune} to remove.
   */
  void removeNeverContentAndHidden() {
    List<Element> never = new ArrayList<>();
    List<Element> hidden = new ArrayList<>();
    collectNeverContentAndHidden(body, never, hidden);
    for (Element e : never) {
      e.remove();
    }
    removeHidden(hidden);
  }

  /**
   * Adds e or, when e is kept, the never-content and hidden elements and the comments under it, in
   * document order. Children by index: {@code NodeTraversor} steps with {@code nextSibling}, which
   * looks up each node's index.
   */
  private void collectNeverContentAndHidden(Element e, List<Element> never, List<Element> hidden) {
    if (e != body && Boilerplate.NEVER_CONTENT.contains(e.normalName())) {
      never.add(e);
      return; // removed with all it holds
    }
    walked++;
    // Each of the hidden queries needs one of three attributes: most elements have none.
    if (e.attributesSize() > 0
        && (e.hasAttr("style") || e.hasAttr("hidden") || e.hasAttr("aria-hidden"))
        && HIDDEN_QUERY.matches(body, e)) {
      hidden.add(e);
    }
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node c = e.childNode(i);
      if (c instanceof Element ce) {
        collectNeverContentAndHidden(ce, never, hidden);
      } else if (c instanceof Comment comment) {
        comments.add(comment);
      }
    }
  }

  /**
   * The child elements of e, copied (the caller may remove them). Cheaper than {@code
   * e.children()}, which stashes a list of them on the element and copies it.
   */
  private static List<Element> childElements(Element e) {
    int n = e.childNodeSize();
    List<Element> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (e.childNode(i) instanceof Element ce) {
        out.add(ce);
      }
    }
    return out;
  }

  /** The element and all its descendant elements in document order, as {@code getAllElements}. */
  static List<Element> allElements(Element root) {
    List<Element> out = new ArrayList<>();
    addElements(root, out);
    return out;
  }

  private static void addElements(Element e, List<Element> out) {
    out.add(e);
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      if (e.childNode(i) instanceof Element ce) {
        addElements(ce, out);
      }
    }
  }

  /** Walks top-down so a removed subtree is never visited. */
  private void pruneTree(Element e, int pageParaText) {
    if (shouldRemove(e, pageParaText)) {
      String reason =
          Boilerplate.CHROME_TAGS.contains(e.normalName()) ? "page-landmark" : "page-chrome";
      // Only the first removal of a reason needs its text: the sample.
      removals.add(reason, removals.has(reason) ? null : e.text());
      markChanged(e.parent());
      e.remove();
      return;
    }
    for (Element child : childElements(e)) {
      pruneTree(child, pageParaText);
    }
  }

  private boolean shouldRemove(Element e, int pageParaText) {
    String tag = e.normalName();
    Stats s = stats(e);
    double share = (double) s.paraText / pageParaText;
    if (Boilerplate.CHROME_TAGS.contains(tag)) {
      return share < 0.3;
    }
    if (tag.equals("form")) {
      return share < 0.3;
    }
    String names = Boilerplate.names(e);
    if (names.isEmpty()) {
      return false;
    }
    boolean positive = Boilerplate.positive(names);
    if (Boilerplate.hardNegative(names)) {
      double limit = COMMENTS.matcher(names).find() ? 0.5 : positive ? 0.1 : 0.25;
      if (DEBUG && share > 0.1 && share < limit) {
        System.err.println("removed " + tag + " ." + names + " share=" + share);
      }
      return share < limit;
    }
    return Boilerplate.softNegative(names) && !positive && share < 0.1 && s.text < 1000;
  }

  /** Removes the elements of {@link #HIDDEN} (in document order) that hide their content. */
  static void removeHidden(List<Element> marked) {
    for (Element e : marked) {
      if (e.hasAttr("hidden")) {
        e.remove();
        continue;
      }
      String style = e.attr("style").replace(" ", "").toLowerCase();
      if (style.contains("display:none") || style.contains("visibility:hidden")) {
        e.remove();
      } else if (e.attr("aria-hidden").equals("true") && e.select("p").isEmpty()) {
        e.remove();
      }
    }
  }

  /** Marks e and its ancestors up to the body as to be measured again. */
  private void markChanged(Element e) {
    for (Element p = e; p != null && changed.add(p); p = p.parent()) {
      if (p == body) {
        break;
      }
    }
  }

  private Stats stats(Element e) {
    Stats s = stats.get(e);
    return s == null ? new Stats() : s;
  }

  /**
   * Computes text, link and paragraph lengths for every element under root, keeping those already
   * measured whose subtree has not changed since.
   */
  private Stats measure(Element root) {
    if (!changed.remove(root)) {
      Stats known = stats.get(root);
      if (known != null) {
        return known;
      }
    }
    Stats s = new Stats();
    stats.put(root, s);
    boolean link = root.normalName().equals("a");
    for (int i = 0, n = root.childNodeSize(); i < n; i++) {
      Node child = root.childNode(i);
      if (child instanceof TextNode t) {
        long counted = countText(t.getWholeText());
        int length = (int) (counted >>> 32);
        int commas = (int) counted;
        s.ownText += length;
        s.ownCommas += commas;
        s.text += length;
        s.commas += commas;
        if (link) {
          s.link += length;
        }
      } else if (child instanceof Element ce) {
        Stats cs = measure(ce);
        s.text += cs.text;
        s.commas += cs.commas;
        s.link += link ? cs.text : cs.link;
        s.paraText += cs.paraText;
      }
    }
    s.paragraph = isParagraph(root);
    if (s.paragraph && (root.normalName().equals("p") || s.paraText == 0)) {
      s.paraText = s.text;
    }
    return s;
  }

  /**
   * The text's length with runs of whitespace counted as one, and its commas: (length << 32) |
   * commas.
   */
  private static long countText(String text) {
    int len = 0;
    int commas = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < 0x80) {
        // Printable ASCII, most of a page's text: never whitespace, and ',' the only comma.
        len++;
        space = false;
        if (c == ',') {
          commas++;
        }
      } else if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!space) {
          len++;
          space = true;
        }
      } else {
        len++;
        space = false;
        if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c') {
          commas++;
        }
      }
    }
    return ((long) len << 32) | commas;
  }

  /** A paragraph-like element: a p, or a div that holds text but no blocks. */
  private boolean isParagraph(Element e) {
    String tag = e.normalName();
    if (PARAGRAPH_TAGS.contains(tag)) {
      return true;
    }
    if (!DIV_LIKE.contains(tag)) {
      return false;
    }
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node c = e.childNode(i);
      if (c instanceof Element ce && TextRenderer.BLOCK_TAGS.contains(ce.normalName())) {
        return false;
      }
    }
    return hasOwnText(e);
  }

  private static boolean hasOwnText(Element e) {
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node c = e.childNode(i);
      if (c instanceof TextNode t && !t.isBlank()) {
        return true;
      }
      if (c instanceof Element ce && !TextRenderer.BLOCK_TAGS.contains(ce.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** Picks the main container(s) of the pruned page. */
  List<Element> select() {
    measure(body);
    List<Element> candidates = new ArrayList<>();
    for (Element e : allElements(body)) {
      int text;
      int commas;
      Element ancestor;
      Stats ps = stats(e);
      if (ps.paragraph) {
        if (linkDensity(e) > 0.5) {
          continue;
        }
        text = ps.text;
        commas = ps.commas;
        ancestor = e.parent();
      } else {
        // Loose text beside blocks: scored as if wrapped in a paragraph of its own.
        int[] loose = looseText(e, ps);
        if (loose[0] == 0 || loose[2] * 2 > loose[0]) {
          continue;
        }
        text = loose[0];
        commas = loose[1];
        ancestor = e;
      }
      if (text < 25) {
        continue;
      }
      double score = 1 + commas + Math.min(text / 100.0, 3.0);
      for (int level = 0; ancestor != null && level < 5; level++) {
        Stats as = stats(ancestor);
        if (!as.candidate) {
          as.candidate = true;
          as.score = initialScore(ancestor);
          candidates.add(ancestor);
        }
        as.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
        if (ancestor == body) {
          break;
        }
        ancestor = ancestor.parent();
      }
    }
    if (candidates.isEmpty()) {
      return List.of(body);
    }
    for (Element c : candidates) {
      Stats cs = stats(c);
      cs.score *= 1 - linkDensity(c);
    }
    candidates.sort(Comparator.comparingDouble((Element c) -> stats(c).score).reversed());
    Element top = candidates.get(0);
    Element chosen = widen(top, candidates);
    List<Element> roots = withChunks(chosen, withSiblings(chosen));
    if (DEBUG) {
      System.err.println(
          "top " + describe(top) + " score " + stats(top).score + " -> " + describe(chosen));
      for (Element r : roots) {
        System.err.println("  root " + describe(r) + " text " + stats(r).text);
      }
    }
    return roots;
  }

  /**
   * Length, commas and link length of the text directly in e (measured with its statistics s) or in
   * its inline children.
   */
  private int[] looseText(Element e, Stats s) {
    int[] out = new int[3];
    if (!DIV_LIKE.contains(e.normalName())
        && !e.normalName().equals("td")
        && !e.normalName().equals("body")) {
      return out;
    }
    out[0] = s.ownText;
    out[1] = s.ownCommas;
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      Node c = e.childNode(i);
      if (c instanceof Element ce && !TextRenderer.BLOCK_TAGS.contains(ce.normalName())) {
        Stats cs = stats(ce);
        out[0] += cs.text;
        out[1] += cs.commas;
        out[2] += ce.normalName().equals("a") ? cs.text : cs.link;
      }
    }
    return out;
  }

  private static String describe(Element e) {
    return e.normalName()
        + "."
        + e.className().replace(' ', '.')
        + (e.id().isEmpty() ? "" : "#" + e.id());
  }

  private double initialScore(Element e) {
    int s =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      s += 25;
    }
    return s + Boilerplate.classWeight(e);
  }

  private double linkDensity(Element e) {
    Stats s = stats(e);
    return s.text == 0 ? 0 : (double) s.link / s.text;
  }

  /**
   * Moves up when the article is split across containers: several near-top candidates share an
   * ancestor, or the parent carries clearly more paragraph text than the winner.
   */
  private Element widen(Element top, List<Element> ranked) {
    double topScore = stats(top).score;
    List<Element> close = new ArrayList<>();
    for (int i = 1; i < Math.min(ranked.size(), 6); i++) {
      if (stats(ranked.get(i)).score >= topScore * 0.75) {
        close.add(ranked.get(i));
      }
    }
    if (close.size() >= 2) {
      Element p = top.parent();
      while (p != null && p != body) {
        int contained = 0;
        for (Element c : close) {
          if (isAncestor(p, c)) {
            contained++;
          }
        }
        if (contained >= 2) {
          top = p;
          break;
        }
        p = p.parent();
      }
    }
    // Climb while the parent is as good a container (article split by ads or figures).
    Element current = top;
    while (current.parent() != null && current != body && current.parent() != body) {
      Element parent = current.parent();
      Stats ps = stats(parent);
      Stats cs = stats(current);
      // Only climb to a parent that scores at least as well on its own paragraphs.
      boolean climb = ps.candidate && ps.score >= cs.score && linkDensity(parent) < 0.3;
      if (climb) {
        current = parent;
      } else {
        break;
      }
    }
    return current;
  }

  private static boolean isAncestor(Element a, Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }

  private List<Element> withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null || top == body) {
      return List.of(top);
    }
    Stats ts = stats(top);
    double threshold = Math.max(10, ts.score * 0.2);
    String topClass = top.className();
    List<Element> out = new ArrayList<>();
    Elements siblings = parent.children();
    for (Element s : siblings) {
      if (s == top) {
        out.add(s);
        continue;
      }
      Stats ss = stats(s);
      double bonus = !topClass.isEmpty() && topClass.equals(s.className()) ? ts.score * 0.2 : 0;
      if (ss.candidate && ss.score + bonus >= threshold) {
        out.add(s);
      } else if (s.normalName().equals("p")) {
        double ld = linkDensity(s);
        if (ss.text > 80 && ld < 0.25) {
          out.add(s);
        } else if (ss.text > 0 && ss.text <= 80 && ld == 0 && endsSentence(s.text())) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * Articles split into chunks (body, ad, body): containers of the same tag and class as the
   * winner, close to it in the tree, with real paragraphs, join it in document order.
   */
  private List<Element> withChunks(Element top, List<Element> roots) {
    String cls = top.className();
    if (cls.isBlank() || top == body) {
      return roots;
    }
    String first = cls.split("\\s+")[0];
    List<Element> elements = allElements(body);
    List<Element> chunks = new ArrayList<>();
    // As body.getElementsByClass(first), on the list the ordering below needs too.
    for (Element e : elements) {
      if (e == top
          || !e.hasClass(first)
          || !e.normalName().equals(top.normalName())
          || !similarClasses(top, e)) {
        continue;
      }
      Stats s = stats(e);
      if (s.paraText < 100 || linkDensity(e) > 0.3 || within(e, roots) || !near(top, e, 3)) {
        continue;
      }
      chunks.add(e);
    }
    if (chunks.isEmpty()) {
      return roots;
    }
    List<Element> all = new ArrayList<>(roots);
    all.addAll(chunks);
    Map<Element, Integer> order = new IdentityHashMap<>();
    int i = 0;
    for (Element e : elements) {
      order.put(e, i++);
    }
    all.sort(Comparator.comparingInt(e -> order.getOrDefault(e, Integer.MAX_VALUE)));
    return all;
  }

  /** Class lists that mostly agree ("post__content dropcap" and "post__content"). */
  private static boolean similarClasses(Element a, Element b) {
    Set<String> ca = a.classNames();
    Set<String> cb = b.classNames();
    int common = 0;
    for (String c : ca) {
      if (cb.contains(c)) {
        common++;
      }
    }
    return common > 0 && common * 2 >= Math.min(ca.size(), cb.size()) + 1;
  }

  private static boolean within(Element e, List<Element> roots) {
    for (Element r : roots) {
      if (isAncestor(r, e) || isAncestor(e, r)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a and b share an ancestor at most {@code levels} above a. */
  private static boolean near(Element a, Element b, int levels) {
    Element p = a.parent();
    for (int l = 0; p != null && l < levels; l++, p = p.parent()) {
      if (isAncestor(p, b)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsSentence(String text) {
    String t = text.strip();
    return !t.isEmpty() && ".!?\u3002\"\u201d".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  /** Every paragraph of the page with little link text: the recall fallback. */
  List<Element> allParagraphs() {
    // Only the lengths count here, which select()'s scoring leaves as they were.
    measure(body);
    List<Element> out = new ArrayList<>();
    for (Element e : body.select("p, pre, blockquote, h2, h3")) {
      if (stats(e).text >= 1 && linkDensity(e) < 0.5) {
        boolean nested = false;
        for (Element p = e.parent(); p != null; p = p.parent()) {
          if (out.contains(p)) {
            nested = true;
            break;
          }
        }
        if (!nested) {
          out.add(e);
        }
      }
    }
    return out;
  }
}
