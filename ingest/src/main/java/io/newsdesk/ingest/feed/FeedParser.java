package io.newsdesk.ingest.feed;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import io.newsdesk.ingest.fetch.Charsets;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 and JSON Feed leniently: ROME first, on repaired text,
 * then a tolerant tag-soup reader for feeds no XML parser accepts.
 */
public final class FeedParser {

  /** Parses feed bytes; {@code contentType} (may be null) supplies a charset hint. */
  public ParsedFeed parse(byte[] body, String contentType, String feedUrl)
      throws FeedParseException {
    List<String> warnings = new ArrayList<>();
    String charset = chooseCharset(body, contentType, warnings);
    String text = demoronize(decode(body, charset, warnings));
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("\uFEFF")) {
      trimmed = trimmed.substring(1).stripLeading();
    }
    if (trimmed.startsWith("{")) {
      ParsedFeed json = JsonFeedParser.parse(trimmed, feedUrl);
      return json;
    }
    if (!trimmed.startsWith("<")) {
      int lt = trimmed.indexOf('<');
      if (lt < 0) {
        throw new FeedParseException("neither XML nor JSON", null);
      }
    }
    if (nestingExceeds(text, MAX_DEPTH)) {
      // The XML tree builders check ancestry per element: work grows with depth squared.
      throw new FeedParseException("elements nested deeper than " + MAX_DEPTH, null);
    }
    String repaired = XmlRepair.repair(text, warnings);
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setPreserveWireFeed(true);
      input.setAllowDoctypes(false);
      SyndFeed feed = input.build(new StringReader(repaired));
      ParsedFeed parsed = fromRome(feed, feedUrl, charset, rootLanguage(repaired), warnings);
      return needsFill(parsed) && mayFill(repaired) ? fill(parsed, text, feedUrl, charset) : parsed;
    } catch (Exception | StackOverflowError e) {
      warnings.add("not well-formed XML: " + e.getMessage());
      ParsedFeed soup = TagSoupFeedReader.read(text, feedUrl, charset, warnings);
      if (soup == null) {
        throw new FeedParseException("not a feed: " + e.getMessage(), e);
      }
      return soup;
    }
  }

  /** Deeper than any real feed (they nest a few dozen levels, XHTML content included). */
  static final int MAX_DEPTH = 2000;

  /**
   * Whether elements nest deeper than {@code limit}, by a linear scan of the markup: start tags
   * count up, end tags and empty-element tags down; comments, CDATA sections, processing
   * instructions and declarations are skipped.
   */
  static boolean nestingExceeds(String xml, int limit) {
    int depth = 0;
    int n = xml.length();
    int i = xml.indexOf('<');
    while (i >= 0 && i < n - 1) {
      char c = xml.charAt(i + 1);
      int next;
      if (xml.startsWith("<!--", i)) {
        next = xml.indexOf("-->", i + 4);
        next = next < 0 ? n : next + 3;
      } else if (xml.startsWith("<![CDATA[", i)) {
        next = xml.indexOf("]]>", i + 9);
        next = next < 0 ? n : next + 3;
      } else if (c == '?' || c == '!') {
        next = xml.indexOf('>', i + 2);
        next = next < 0 ? n : next + 1;
      } else if (c == '/') {
        depth = Math.max(0, depth - 1);
        next = i + 2;
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int gt = xml.indexOf('>', i + 1);
        if (gt < 0) {
          break;
        }
        if (xml.charAt(gt - 1) != '/' && ++depth > limit) {
          return true;
        }
        next = gt + 1;
      } else {
        next = i + 1;
      }
      i = xml.indexOf('<', next);
    }
    return false;
  }

  private static final java.util.regex.Pattern ROOT_LANG =
      java.util.regex.Pattern.compile(
          "^(?:\\s*<[?!][^>]*>)*\\s*<[A-Za-z][^>]*?\\sxml:lang\\s*=\\s*[\"']([^\"']+)[\"']");

  /** The xml:lang of the root element, if any. */
  static String rootLanguage(String xml) {
    java.util.regex.Matcher m =
        ROOT_LANG.matcher(xml.length() > 4096 ? xml.substring(0, 4096) : xml);
    return m.find() ? m.group(1).replace('_', '-') : null;
  }

  /** Whether the text carries elements the fill-in reads that ROME may have skipped. */
  private static boolean mayFill(String xml) {
    return xml.contains("dc:")
        || xml.contains("dcterms:")
        || xml.contains("itunes:")
        || xml.contains("rdf:about")
        || xml.contains("<body")
        || xml.contains("fullitem")
        || xml.contains("content:encoded");
  }

  private static boolean needsFill(ParsedFeed f) {
    if (f.title() == null || f.language() == null) {
      return true;
    }
    for (FeedEntry e : f.entries()) {
      if (e.title() == null
          || e.summary() == null
          || e.published() == null
          || e.authors().isEmpty()
          || e.categories().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fills fields ROME left empty (Dublin Core and other namespaces its RSS 2.0 converter ignores)
   * from a tag-soup reading of the same text, entry by entry.
   */
  private static ParsedFeed fill(ParsedFeed f, String text, String feedUrl, String charset) {
    ParsedFeed soup;
    try {
      soup = TagSoupFeedReader.read(text, feedUrl, charset, new ArrayList<>());
    } catch (RuntimeException e) {
      return f;
    }
    if (soup == null) {
      return f;
    }
    List<FeedEntry> entries = new ArrayList<>();
    for (int i = 0; i < f.entries().size(); i++) {
      FeedEntry a = f.entries().get(i);
      if (soup.entries().size() != f.entries().size()) {
        entries.add(a);
        continue;
      }
      FeedEntry b = soup.entries().get(i);
      entries.add(
          new FeedEntry(
              or(a.id(), b.id()),
              or(a.title(), b.title()),
              or(a.link(), b.link()),
              or(a.summary(), HtmlLinks.resolveIn(b.summary(), feedUrl)),
              or(a.content(), HtmlLinks.resolveIn(b.content(), feedUrl)),
              or(a.published(), b.published()),
              or(a.updated(), b.updated()),
              a.authors().isEmpty() ? b.authors() : a.authors(),
              a.categories().isEmpty() ? b.categories() : a.categories(),
              a.imageUrl(),
              or(a.language(), soup.language())));
    }
    return new ParsedFeed(
        f.type(),
        or(f.title(), soup.title()),
        or(f.link(), soup.link()),
        or(f.description(), soup.description()),
        or(f.language(), soup.language()),
        f.updated(),
        entries,
        f.ttl(),
        f.syndicationPeriod(),
        f.encoding(),
        f.warnings());
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  /** BOM, then HTTP charset, then XML declaration, then UTF-8. */
  static String chooseCharset(byte[] body, String contentType, List<String> warnings) {
    String bom = Charsets.fromBom(body);
    if (bom != null) {
      return bom;
    }
    String header = Charsets.fromContentType(contentType);
    if (header != null) {
      if (Charsets.isSupported(header)) {
        return Charset.forName(header).name();
      }
      warnings.add("unknown charset " + header);
    }
    String markup = Charsets.fromMarkup(body);
    if (markup != null) {
      if (Charsets.isSupported(markup)) {
        return Charset.forName(markup).name();
      }
      warnings.add("unknown charset " + markup);
    }
    return "UTF-8";
  }

  /** Decodes strictly, falling back to windows-1252 when the declared charset lies. */
  static String decode(byte[] body, String charset, List<String> warnings) {
    Charset cs = Charset.forName(charset);
    if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
      // As browsers do: these labels mean windows-1252, whose curly quotes publishers rely on.
      cs = Charset.forName("windows-1252");
    }
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      warnings.add("bytes are not " + charset);
      Charset fallback = cs.equals(StandardCharsets.UTF_8) ? Charset.forName("windows-1252") : cs;
      if (!cs.equals(StandardCharsets.UTF_8) && isUtf8(body)) {
        fallback = StandardCharsets.UTF_8;
      }
      return new String(body, fallback);
    }
  }

  /** Maps C1 controls, which publishers mean as windows-1252 punctuation, to those characters. */
  static String demoronize(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
        out.append(mapped.charAt(0) == '\uFFFD' ? c : mapped.charAt(0));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static ParsedFeed fromRome(
      SyndFeed feed, String feedUrl, String charset, String rootLanguage, List<String> warnings) {
    WireFeed wire = feed.originalWireFeed();
    String feedLink = alternate(feed.getLinks());
    if (feedLink == null) {
      feedLink = feed.getLink();
    }
    String base = feedUrl != null ? feedUrl : feedLink;
    feedLink = resolve(base, feedLink);
    String language = feed.getLanguage();
    if (language == null
        && feed.getModule(com.rometools.rome.feed.module.DCModule.URI)
            instanceof com.rometools.rome.feed.module.DCModule dc) {
      language = dc.getLanguage();
    }
    if (language == null) {
      language = rootLanguage;
    }
    String title = feed.getTitle();
    if (wire instanceof com.rometools.rome.feed.atom.Feed atomFeed
        && atomFeed.getTitleEx() != null) {
      title = AtomText.value(atomFeed.getTitleEx(), atom03(feed.getFeedType()));
    }
    List<FeedEntry> entries = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      entries.add(entry(e, base, language, feed.getFeedType()));
    }
    Duration ttl = null;
    if (wire instanceof Channel ch && ch.getTtl() > 0) {
      ttl = Duration.ofMinutes(ch.getTtl());
    }
    Duration sy = null;
    if (feed.getModule(SyModule.URI) instanceof SyModule m && m.getUpdatePeriod() != null) {
      sy = syndicationPeriod(m.getUpdatePeriod(), m.getUpdateFrequency());
    } else {
      // ROME registers the sy module for RSS 1.0 only; RSS 2.0 feeds carry it as foreign markup.
      sy = syndicationFromMarkup(feed.getForeignMarkup());
      if (sy == null && wire != null) {
        sy = syndicationFromMarkup(wire.getForeignMarkup());
      }
    }
    String description = feed.getDescription();
    return new ParsedFeed(
        feed.getFeedType(),
        HtmlLinks.resolveIn(strip(title), base),
        feedLink,
        description,
        language,
        millis(feed.getPublishedDate()),
        entries,
        ttl,
        sy,
        charset,
        warnings);
  }

  private static Duration syndicationFromMarkup(List<org.jdom2.Element> markup) {
    String period = null;
    int frequency = 1;
    for (org.jdom2.Element el : markup) {
      if (!SyModule.URI.equals(el.getNamespaceURI())) {
        continue;
      }
      if (el.getName().equals("updatePeriod")) {
        period = el.getTextTrim();
      } else if (el.getName().equals("updateFrequency")) {
        try {
          frequency = Integer.parseInt(el.getTextTrim());
        } catch (NumberFormatException e) {
          frequency = 1;
        }
      }
    }
    return period == null ? null : syndicationPeriod(period, frequency);
  }

  /** sy:updatePeriod divided by sy:updateFrequency. */
  public static Duration syndicationPeriod(String period, int frequency) {
    Duration p =
        switch (period.strip().toLowerCase(Locale.ROOT)) {
          case "hourly" -> Duration.ofHours(1);
          case "daily" -> Duration.ofDays(1);
          case "weekly" -> Duration.ofDays(7);
          case "monthly" -> Duration.ofDays(30);
          case "yearly" -> Duration.ofDays(365);
          default -> null;
        };
    if (p == null) {
      return null;
    }
    return p.dividedBy(Math.max(1, frequency));
  }

  private static boolean atom03(String feedType) {
    return "atom_0.3".equals(feedType);
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static FeedEntry entry(SyndEntry e, String base, String feedLanguage, String feedType) {
    String id = e.getUri();
    Object wireEntry = e.getWireEntry();
    String guidLink = null;
    Date published = e.getPublishedDate();
    Date updated = e.getUpdatedDate();
    String title = e.getTitle();
    String atomSummary = null;
    String atomContent = null;
    if (wireEntry instanceof Item item) {
      id = item.getGuid() == null ? null : item.getGuid().getValue();
      if (item.getGuid() != null && item.getGuid().isPermaLink()) {
        guidLink = item.getGuid().getValue();
      }
    } else if (wireEntry instanceof Entry atom) {
      id = atom.getId();
      if (atom.getIssued() != null) {
        published = atom.getIssued();
      }
      if (updated == null) {
        updated = atom.getModified();
      }
      boolean atom03 = atom03(feedType);
      if (atom.getTitleEx() != null) {
        title = AtomText.value(atom.getTitleEx(), atom03);
      }
      if (atom.getSummary() != null) {
        atomSummary = AtomText.value(atom.getSummary(), atom03);
      }
      for (com.rometools.rome.feed.atom.Content c : atom.getContents()) {
        String v = AtomText.value(c, atom03);
        if (v != null && !v.isBlank()) {
          atomContent = v;
          break;
        }
      }
    }
    String link = e.getLink();
    if (link == null || link.isBlank()) {
      link = alternate(e.getLinks());
    }
    if (link == null || link.isBlank()) {
      link = guidLink;
    }
    String summary = e.getDescription() == null ? null : e.getDescription().getValue();
    String content = null;
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        content = c.getValue();
        break;
      }
    }
    if (wireEntry instanceof Entry) {
      summary = atomSummary;
      content = atomContent;
    }
    LinkedHashSet<String> authors = new LinkedHashSet<>();
    for (SyndPerson p : e.getAuthors()) {
      addIfText(authors, p.getName() != null ? p.getName() : p.getEmail());
    }
    if (authors.isEmpty()) {
      addIfText(authors, e.getAuthor());
    }
    LinkedHashSet<String> categories = new LinkedHashSet<>();
    for (SyndCategory c : e.getCategories()) {
      addIfText(categories, c.getName());
    }
    return new FeedEntry(
        strip(id),
        HtmlLinks.resolveIn(strip(title), base),
        resolve(base, link),
        HtmlLinks.resolveIn(blankToNull(summary), base),
        HtmlLinks.resolveIn(blankToNull(content), base),
        millis(published),
        millis(updated),
        new ArrayList<>(authors),
        new ArrayList<>(categories),
        resolve(base, image(e)),
        feedLanguage);
  }

  private static String image(SyndEntry e) {
    if (e.getModule(MediaEntryModule.URI) instanceof MediaEntryModule media) {
      if (media.getMetadata() != null) {
        for (Thumbnail t : media.getMetadata().getThumbnail()) {
          if (t.getUrl() != null) {
            return t.getUrl().toString();
          }
        }
      }
      for (MediaContent c : media.getMediaContents()) {
        boolean image =
            "image".equals(c.getMedium())
                || (c.getType() != null && c.getType().startsWith("image/"));
        if (image && c.getReference() != null) {
          return c.getReference().toString();
        }
      }
      if (media.getMediaGroups() != null) {
        for (var g : media.getMediaGroups()) {
          if (g.getMetadata() != null) {
            for (Thumbnail t : g.getMetadata().getThumbnail()) {
              if (t.getUrl() != null) {
                return t.getUrl().toString();
              }
            }
          }
        }
      }
    }
    for (SyndEnclosure enc : e.getEnclosures()) {
      if (enc.getType() != null && enc.getType().startsWith("image/") && enc.getUrl() != null) {
        return enc.getUrl();
      }
    }
    return null;
  }

  private static String alternate(List<SyndLink> links) {
    if (links == null) {
      return null;
    }
    for (SyndLink l : links) {
      if ((l.getRel() == null || "alternate".equals(l.getRel())) && l.getHref() != null) {
        return l.getHref();
      }
    }
    return null;
  }

  private static void addIfText(LinkedHashSet<String> set, String s) {
    if (s != null && !s.isBlank()) {
      set.add(s.strip());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Long millis(Date d) {
    return d == null ? null : d.getTime();
  }

  /** Resolves a possibly relative link against a base; leaves it alone when either is odd. */
  public static String resolve(String base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String l = link.strip();
    if (base == null || l.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      return l;
    }
    try {
      return URI.create(base.strip()).resolve(l.replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return l;
    }
  }

  /** The tag-soup fallback for feeds no XML parser accepts. */
  static final class TagSoupFeedReader {
    private TagSoupFeedReader() {}

    static ParsedFeed read(String text, String feedUrl, String charset, List<String> warnings) {
      Document doc = Jsoup.parse(text, feedUrl == null ? "" : feedUrl, Parser.xmlParser());
      Element root = doc.selectFirst("rss, feed, rdf|RDF, RDF, channel");
      if (root == null) {
        return null;
      }
      boolean atom = root.tagName().equalsIgnoreCase("feed");
      Element channel = atom ? root : first(root, "channel");
      if (channel == null) {
        channel = root;
      }
      String base = feedUrl;
      List<FeedEntry> entries = new ArrayList<>();
      for (Element it : root.getElementsByTag(atom ? "entry" : "item")) {
        String link = linkOf(it);
        List<String> authors = new ArrayList<>();
        for (Element a : it.children()) {
          String tn = a.tagName().toLowerCase(Locale.ROOT);
          if (tn.equals("author")
              || tn.equals("dc:creator")
              || tn.equals("dc:author")
              || tn.equals("itunes:author")) {
            Element name = first(a, "name");
            addText(authors, name != null ? name.text() : a.text());
          }
        }
        List<String> cats = new ArrayList<>();
        for (Element c : it.children()) {
          String tn = c.tagName().toLowerCase(Locale.ROOT);
          if (tn.equals("category") || tn.equals("dc:subject")) {
            addText(cats, c.hasAttr("term") ? c.attr("term") : c.text());
          } else if (tn.equals("itunes:category")) {
            addText(cats, c.attr("text"));
            for (Element sub : c.children()) {
              addText(cats, sub.attr("text"));
            }
          }
        }
        String id = childText(it, "guid", "id");
        if (id == null && !it.attr("rdf:about").isBlank()) {
          id = it.attr("rdf:about").strip();
        }
        entries.add(
            new FeedEntry(
                id,
                childText(it, "title", "dc:title"),
                resolve(base, link),
                childText(it, "description", "summary", "dc:description", "itunes:summary"),
                childText(it, "content:encoded", "content", "body", "xhtml:body", "fullitem"),
                Dates.parse(
                    childText(it, "pubDate", "published", "issued", "dcterms:issued", "dc:date")),
                Dates.parse(
                    childText(it, "updated", "modified", "dcterms:modified", "dc:date", "lastmod")),
                authors,
                cats,
                null,
                null));
      }
      String title = childText(channel, "title", "dc:title");
      String link = linkOf(channel);
      if (entries.isEmpty() && title == null && link == null) {
        return null;
      }
      return new ParsedFeed(
          atom ? "atom" : "rss",
          title,
          resolve(base, link),
          childText(channel, "description", "subtitle", "tagline"),
          or(childText(channel, "language", "dc:language"), rootLanguage(text)),
          null,
          entries,
          null,
          null,
          charset,
          warnings);
    }

    private static String linkOf(Element e) {
      for (Element l : e.children()) {
        if (!l.tagName().equalsIgnoreCase("link")) {
          continue;
        }
        if (l.hasAttr("href")) {
          String rel = l.attr("rel");
          if (rel.isEmpty() || rel.equals("alternate")) {
            return l.attr("href");
          }
        } else if (!l.text().isBlank()) {
          return l.text().strip();
        }
      }
      return null;
    }

    private static Element first(Element e, String tag) {
      for (Element c : e.children()) {
        if (c.tagName().equalsIgnoreCase(tag)) {
          return c;
        }
      }
      return null;
    }

    private static String childText(Element e, String... tags) {
      for (String tag : tags) {
        Element c = first(e, tag);
        if (c != null) {
          String t = c.children().isEmpty() ? c.wholeText().strip() : c.html().strip();
          if (!t.isEmpty()) {
            return t;
          }
        }
      }
      return null;
    }

    private static void addText(List<String> out, String s) {
      if (s != null && !s.isBlank()) {
        out.add(s.strip());
      }
    }
  }
}
