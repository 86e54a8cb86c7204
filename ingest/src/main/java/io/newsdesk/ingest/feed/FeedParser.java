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
    String text = decode(body, charset, warnings);
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
    String repaired = XmlRepair.repair(text, warnings);
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setPreserveWireFeed(true);
      input.setAllowDoctypes(false);
      SyndFeed feed = input.build(new StringReader(repaired));
      return fromRome(feed, feedUrl, charset, warnings);
    } catch (Exception | StackOverflowError e) {
      warnings.add("not well-formed XML: " + e.getMessage());
      ParsedFeed soup = TagSoupFeedReader.read(text, feedUrl, charset, warnings);
      if (soup == null) {
        throw new FeedParseException("not a feed: " + e.getMessage(), e);
      }
      return soup;
    }
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
      SyndFeed feed, String feedUrl, String charset, List<String> warnings) {
    WireFeed wire = feed.originalWireFeed();
    String feedLink = alternate(feed.getLinks());
    if (feedLink == null) {
      feedLink = feed.getLink();
    }
    String base = feedUrl != null ? feedUrl : feedLink;
    feedLink = resolve(base, feedLink);
    String language = feed.getLanguage();
    List<FeedEntry> entries = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      entries.add(entry(e, base, language));
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
        feed.getTitle(),
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

  private static FeedEntry entry(SyndEntry e, String base, String feedLanguage) {
    String id = e.getUri();
    Object wireEntry = e.getWireEntry();
    String guidLink = null;
    Date published = e.getPublishedDate();
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
        blankToNull(id),
        blankToNull(e.getTitle()),
        resolve(base, link),
        blankToNull(summary),
        blankToNull(content),
        millis(published),
        millis(e.getUpdatedDate()),
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
          if (tn.equals("author") || tn.equals("dc:creator")) {
            Element name = first(a, "name");
            addText(authors, name != null ? name.text() : a.text());
          }
        }
        List<String> cats = new ArrayList<>();
        for (Element c : it.children()) {
          String tn = c.tagName().toLowerCase(Locale.ROOT);
          if (tn.equals("category") || tn.equals("dc:subject")) {
            addText(cats, c.hasAttr("term") ? c.attr("term") : c.text());
          }
        }
        entries.add(
            new FeedEntry(
                childText(it, "guid", "id"),
                childText(it, "title"),
                resolve(base, link),
                childText(it, "description", "summary"),
                childText(it, "content:encoded", "content"),
                Dates.parse(childText(it, "pubDate", "published", "issued", "dc:date")),
                Dates.parse(childText(it, "updated", "modified", "dc:modified")),
                authors,
                cats,
                null,
                null));
      }
      String title = childText(channel, "title");
      if (entries.isEmpty() && title == null) {
        return null;
      }
      return new ParsedFeed(
          atom ? "atom" : "rss",
          title,
          resolve(base, linkOf(channel)),
          childText(channel, "description", "subtitle", "tagline"),
          childText(channel, "language", "dc:language"),
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
