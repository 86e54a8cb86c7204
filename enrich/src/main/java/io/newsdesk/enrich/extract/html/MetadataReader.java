package io.newsdesk.enrich.extract.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.enrich.extract.DateParsing;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeVisitor;

/** Reads title, authors, dates, language, canonical URL, image and site name from a page. */
final class MetadataReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenews",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "livebloposting",
          "liveblogposting",
          "techarticle",
          "scholarlyarticle",
          "report",
          "posting",
          "socialmediaposting",
          "medicalscholarlyarticle",
          "satiricalarticle",
          "advertisertcontentarticle");
  private static final Pattern BY =
      Pattern.compile(
          "(?iu)^[\\s|~·•:,-]*(?:(?:posted|written|published|veröffentlicht|geschrieben|erstellt"
              + "|verfasst|publié|publicado|pubblicato)\\s*(?:by|von|par|por|da)?|by|von|vom|par|por"
              + "|di|door|av|author|autor(?:in)?|auteur|verfasser(?:in)?)(?:\\s*:\\s*|\\s+|(?=\\p{Lu}))");
  private static final Pattern AUTHOR_TAIL =
      Pattern.compile(
          "(?iu)\\s*(?:[|,·•-]\\s*)?(?:\\b(?:am|on|le|el|il|at|um)\\s+)?\\d{1,4}[./-]\\d{1,2}.*$"
              + "|[\\s|~·•:,-]+$");
  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s+[|\u2013\u2014\u00bb:·•-]\\s+");
  // Compiled once: String's replaceAll, replaceFirst, split and matches compile on every call.
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern TRAILING_SEPARATORS =
      Pattern.compile("[\\s|\u2013\u2014\u00bb:·•-]+$");
  private static final Pattern LEADING_SEPARATORS =
      Pattern.compile("^[\\s|\u2013\u2014\u00bb:·•-]+");
  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s|~·•:,-]+");
  private static final Pattern NAME_LIST = Pattern.compile("\\s*(?:,|;|\\band\\b|\\bund\\b|&)\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");
  private static final Pattern LANGUAGE_SUBTAG = Pattern.compile("[-_]");
  private static final Pattern TWO_LETTERS = Pattern.compile("[a-z]{2}");

  private final Document doc;
  private final String url;
  private JsonNode article;
  private JsonNode anyNode;
  private java.util.Map<String, String> metaIndex;
  private Elements found;

  MetadataReader(Document doc, String url) {
    this.doc = doc;
    this.url = url;
  }

  /**
   * The elements the reader looks at, gathered in one walk over the page in document order (what
   * the equivalent CSS selections would return): a dozen selections over a large page cost as much
   * as parsing it.
   */
  private static final class Elements implements NodeVisitor {
    final List<Element> jsonLd = new ArrayList<>();
    final List<Element> headings = new ArrayList<>();
    final List<Element> metas = new ArrayList<>();
    final List<Element> authorHints = new ArrayList<>();
    final List<Element> dateHints = new ArrayList<>();
    Element html;
    Element canonical;
    Element itemPropPublished;
    Element time;

    /**
     * Visits e and its descendant elements in document order, as {@code NodeTraversor} would, by
     * child index: the traversor steps with {@code nextSibling}, which looks up each node's index.
     */
    void walk(Element e) {
      head(e, 0);
      for (int i = 0, n = e.childNodeSize(); i < n; i++) {
        if (e.childNode(i) instanceof Element child) {
          walk(child);
        }
      }
    }

    @Override
    public void head(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      String tag = e.normalName();
      switch (tag) {
        case "script" -> {
          if (is(e, "type", "application/ld+json")) {
            jsonLd.add(e);
          }
        }
        case "h1", "h2" -> headings.add(e);
        case "meta" -> {
          if (e.hasAttr("content")) {
            metas.add(e);
          }
        }
        case "html" -> {
          if (html == null) {
            html = e;
          }
        }
        case "link" -> {
          if (canonical == null && is(e, "rel", "canonical")) {
            canonical = e;
          }
        }
        default -> {}
      }
      if (e.attributesSize() == 0) {
        // No attributes, as most elements of a page: of the tests below only the tag's can hold.
        if (tag.equals("time")) {
          dateHints.add(e);
        }
        return;
      }
      if (itemPropPublished == null && is(e, "itemprop", "datepublished")) {
        itemPropPublished = e;
      }
      if (time == null && tag.equals("time") && e.hasAttr("datetime")) {
        time = e;
      }
      // The class and id lower-cased once per element, not once per word looked for.
      String cls = lower(e, "class");
      String id = lower(e, "id");
      if (is(e, "itemprop", "author")
          || (tag.equals("a") && is(e, "rel", "author"))
          || (cls != null && authorClass(e, cls))) {
        authorHints.add(e);
      }
      if ((cls != null && (cls.contains("date") || cls.contains("time") || cls.contains("publish")))
          || (id != null && id.contains("date"))
          || tag.equals("time")) {
        dateHints.add(e);
      }
    }

    /**
     * As {@code e.hasClass("byline") || e.hasClass("author-name") || e.hasClass("author") ||
     * [class*=byline]}, given the lower-cased class. jsoup's {@code hasClass} (a token equal to the
     * word, case ignored) is called only when the lower-cased class holds the word's letters that
     * no other character folds to ("byl" of "byline": a dotless or dotted i may stand for its i),
     * so that elements of other classes, nearly all, skip its scan.
     */
    private static boolean authorClass(Element e, String lowerClass) {
      return lowerClass.contains("byline")
          || (lowerClass.contains("byl") && e.hasClass("byline"))
          || (lowerClass.contains("author") && (e.hasClass("author-name") || e.hasClass("author")));
    }

    /** The attribute's value lower-cased, or null when the element does not have it. */
    private static String lower(Element e, String key) {
      return e.hasAttr(key) ? e.attr(key).toLowerCase(Locale.ROOT) : null;
    }

    /** As the selector {@code [key=value]}: the trimmed value, ignoring case. */
    private static boolean is(Element e, String key, String value) {
      return e.hasAttr(key) && value.equalsIgnoreCase(e.attr(key).trim());
    }
  }

  PageMetadata read() {
    found = new Elements();
    found.walk(doc);
    readJsonLd();
    String siteName =
        first(
            meta("og:site_name"), meta("application-name"), jsonText(article, "publisher", "name"));
    String title = title(siteName);
    List<String> authors = authors();
    String[] from = new String[1];
    Long published = published(from);
    Long modified =
        firstDate(
            jsonText(article, "dateModified"),
            meta("article:modified_time"),
            meta("og:updated_time"),
            meta("dateModified"),
            meta("last-modified"));
    String language = language();
    String canonical = absolute(first(canonicalHref(), meta("og:url")));
    String image =
        absolute(first(meta("og:image"), meta("og:image:url"), meta("twitter:image"), jsonImage()));
    String description =
        first(
            meta("og:description"),
            meta("description"),
            meta("twitter:description"),
            jsonText(article, "description"));
    String body = jsonText(article, "articleBody");
    return new PageMetadata(
        title,
        authors,
        published,
        from[0],
        modified,
        language,
        canonical,
        image,
        siteName,
        description,
        body);
  }

  private void readJsonLd() {
    for (Element script : found.jsonLd) {
      String data = script.data().strip();
      if (data.isEmpty() || data.length() > 2_000_000) {
        continue;
      }
      try {
        JsonNode root = JSON.readTree(data);
        visit(root, 0);
      } catch (Exception e) {
        // Broken JSON-LD is common; the DOM still has the answer.
      }
      if (article != null) {
        return;
      }
    }
  }

  private void visit(JsonNode node, int depth) {
    if (node == null || depth > 6 || article != null) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        visit(n, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (isArticleType(node.get("@type"))) {
      article = node;
      return;
    }
    if (anyNode == null && node.has("datePublished")) {
      anyNode = node;
    }
    visit(node.get("@graph"), depth + 1);
    visit(node.get("mainEntity"), depth + 1);
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    return ARTICLE_TYPES.contains(type.asText("").toLowerCase(Locale.ROOT));
  }

  private static String jsonText(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      if (n == null) {
        return null;
      }
      if (n.isArray() && !n.isEmpty()) {
        n = n.get(0);
      }
      n = n.get(p);
    }
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      n = n.isEmpty() ? null : n.get(0);
    }
    if (n == null || n.isContainerNode()) {
      return null;
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private String jsonImage() {
    if (article == null) {
      return null;
    }
    JsonNode img = article.get("image");
    if (img == null) {
      return null;
    }
    if (img.isArray()) {
      img = img.isEmpty() ? null : img.get(0);
    }
    if (img == null) {
      return null;
    }
    if (img.isTextual()) {
      return img.asText();
    }
    return jsonText(img, "url");
  }

  private String title(String siteName) {
    String og = first(meta("og:title"), meta("twitter:title"));
    String headline = jsonText(article, "headline");
    List<String> headings = new ArrayList<>();
    for (Element h : found.headings) {
      String t = blankToNull(h.text());
      if (t != null && t.length() <= 300) {
        headings.add(t);
      }
      if (headings.size() >= 8) {
        break;
      }
    }
    String titleTag = blankToNull(doc.title());
    String declared = first(headline, og);
    if (declared != null) {
      String match = matchingHeading(declared, headings);
      return match != null ? match : stripSiteSuffix(declared, siteName, null);
    }
    if (titleTag != null) {
      String match = matchingHeading(titleTag, headings);
      if (match != null) {
        return match;
      }
      return longestSegment(stripSiteSuffix(titleTag, siteName, null));
    }
    return headings.isEmpty() ? null : headings.get(0);
  }

  /** The heading that is the title or one of its segments ("Headline | Site"). */
  private static String matchingHeading(String title, List<String> headings) {
    String whole = looseKey(title);
    List<String> parts = new ArrayList<>();
    for (String p : TITLE_SEPARATOR.split(title)) {
      parts.add(looseKey(p));
    }
    for (String h : headings) {
      String k = looseKey(h);
      if (k.length() < 4) {
        continue;
      }
      if (k.equals(whole) || (parts.size() > 1 && parts.contains(k))) {
        return h;
      }
    }
    for (String h : headings) {
      String k = looseKey(h);
      if (k.length() >= 15 && whole.startsWith(k)) {
        return h;
      }
    }
    return null;
  }

  private static String longestSegment(String title) {
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    String best = parts[0];
    for (String p : parts) {
      if (p.length() > best.length()) {
        best = p;
      }
    }
    return best.strip();
  }

  private static String looseKey(String s) {
    return NOT_LETTER_OR_DIGIT.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** Drops " | Site Name" and similar from a title, keeping the longest headline-like part. */
  static String stripSiteSuffix(String title, String siteName, String h1) {
    String t = title.strip();
    if (h1 != null && t.startsWith(h1) && h1.length() > 10) {
      return h1;
    }
    if (siteName != null && !siteName.isBlank()) {
      String lower = t.toLowerCase(Locale.ROOT);
      String site = siteName.toLowerCase(Locale.ROOT).strip();
      if (lower.endsWith(site) && lower.length() > site.length() + 5) {
        String cut = t.substring(0, t.length() - site.length()).strip();
        return TRAILING_SEPARATORS.matcher(cut).replaceAll("").strip();
      }
      if (lower.startsWith(site) && lower.length() > site.length() + 5) {
        String cut = t.substring(site.length()).strip();
        return LEADING_SEPARATORS.matcher(cut).replaceAll("").strip();
      }
    }
    String[] parts = TITLE_SEPARATOR.split(t);
    if (parts.length > 1) {
      String last = parts[parts.length - 1];
      // A short trailing segment is the site's name.
      if (last.length() < 30 && SPACES.split(last).length <= 4) {
        return TRAILING_SEPARATORS
            .matcher(t.substring(0, t.length() - last.length()))
            .replaceAll("")
            .strip();
      }
    }
    return t;
  }

  private List<String> authors() {
    Set<String> out = new LinkedHashSet<>();
    if (article != null) {
      JsonNode a = article.get("author");
      if (a != null) {
        if (a.isArray()) {
          for (JsonNode x : a) {
            addAuthor(out, x.isTextual() ? x.asText() : jsonText(x, "name"));
          }
        } else {
          addAuthor(out, a.isTextual() ? a.asText() : jsonText(a, "name"));
        }
      }
    }
    if (out.isEmpty()) {
      for (String name :
          new String[] {
            "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"
          }) {
        String v = meta(name);
        if (v != null) {
          for (String part : NAME_LIST.split(v)) {
            addAuthor(out, part);
          }
        }
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    if (out.isEmpty()) {
      for (Element e : found.authorHints) {
        Element name = e.selectFirst("[itemprop=name]");
        String text = name != null ? name.text() : e.text();
        if (text.length() < 80) {
          for (String part : NAME_LIST.split(BY.matcher(text).replaceFirst(""))) {
            addAuthor(out, part);
          }
        }
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static void addAuthor(Set<String> out, String name) {
    if (name == null) {
      return;
    }
    String n = LEADING_PUNCTUATION.matcher(name.strip()).replaceFirst("");
    n = BY.matcher(n).replaceFirst("").strip();
    n = AUTHOR_TAIL.matcher(n).replaceFirst("").strip();
    String lower = n.toLowerCase(Locale.ROOT);
    if (lower.contains("admin") || lower.contains("[at]") || lower.equals("staff")) {
      return;
    }
    if (n.isEmpty()
        || n.length() > 60
        || n.startsWith("http")
        || n.contains("@")
        || !HAS_LETTER.matcher(n).matches()
        || SPACES.split(n).length > 5) {
      return;
    }
    out.add(n);
  }

  private Long published(String[] from) {
    Long found = declaredPublished(from);
    if (found != null) {
      return found;
    }
    Optional<Long> inUrl = DateParsing.fromUrl(url);
    if (inUrl.isPresent()) {
      from[0] = "url";
      return inUrl.get();
    }
    return textDate(from);
  }

  private Long declaredPublished(String[] from) {
    Optional<Long> d = DateParsing.parse(jsonText(article, "datePublished"));
    if (d.isEmpty()) {
      d = DateParsing.parse(jsonText(anyNode, "datePublished"));
    }
    if (d.isPresent()) {
      from[0] = "json-ld";
      return d.get();
    }
    Long m =
        firstDate(
            meta("article:published_time"),
            meta("datePublished"),
            meta("pubdate"),
            meta("publishdate"),
            meta("publish-date"),
            meta("parsely-pub-date"),
            meta("sailthru.date"),
            meta("dc.date.issued"),
            meta("dc.date"),
            meta("dcterms.created"),
            meta("date"),
            meta("og:published_time"),
            meta("article.published"),
            attr(found.itemPropPublished, "content"),
            attr(found.itemPropPublished, "datetime"));
    if (m != null) {
      from[0] = "meta";
      return m;
    }
    // As "time[datetime][pubdate], article time[datetime], time[datetime]": each alternative is a
    // time[datetime], so the first in the document.
    Element time = found.time;
    if (time != null) {
      Optional<Long> t = DateParsing.parse(time.attr("datetime"));
      if (t.isPresent()) {
        from[0] = "time";
        return t.get();
      }
    }
    return null;
  }

  private Long textDate(String[] from) {
    for (Element e : found.dateHints) {
      String text = e.ownText().isBlank() ? e.text() : e.ownText();
      if (text.length() <= 80) {
        Optional<Long> t = DateParsing.findInText(text);
        if (t.isPresent()) {
          from[0] = "text";
          return t.get();
        }
      }
    }
    return null;
  }

  private String language() {
    String lang =
        first(
            found.html == null ? null : found.html.attr("lang"),
            meta("content-language"),
            meta("og:locale"),
            jsonText(article, "inLanguage"));
    if (lang == null) {
      return null;
    }
    String code = LANGUAGE_SUBTAG.split(lang.strip().toLowerCase(Locale.ROOT))[0];
    return TWO_LETTERS.matcher(code).matches() ? code : null;
  }

  private Long firstDate(String... values) {
    for (String v : values) {
      Optional<Long> d = DateParsing.parse(v);
      if (d.isPresent()) {
        return d.get();
      }
    }
    return null;
  }

  private String meta(String name) {
    if (metaIndex == null) {
      metaIndex = new java.util.HashMap<>();
      for (Element m : found.metas) {
        for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
          String k = m.attr(key).strip().toLowerCase(Locale.ROOT);
          if (!k.isEmpty() && !m.attr("content").isBlank()) {
            metaIndex.putIfAbsent(k, m.attr("content").strip());
          }
        }
      }
    }
    return metaIndex.get(name.toLowerCase(Locale.ROOT));
  }

  private static String attr(Element e, String attribute) {
    return e == null ? null : blankToNull(e.attr(attribute));
  }

  private String canonicalHref() {
    return attr(found.canonical, "href");
  }

  private String absolute(String link) {
    if (link == null) {
      return null;
    }
    String base = url;
    if (base == null || !base.startsWith("http")) {
      // A saved file or pushed page: resolve against the URL the page gives for itself.
      String declared = canonicalHref();
      base = declared != null && declared.startsWith("http") ? declared : null;
    }
    try {
      return base == null ? link : java.net.URI.create(base).resolve(link.strip()).toString();
    } catch (RuntimeException e) {
      return link;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
