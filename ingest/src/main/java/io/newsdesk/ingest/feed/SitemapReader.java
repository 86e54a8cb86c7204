package io.newsdesk.ingest.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** Reads sitemaps and sitemap indexes, with the Google News extension. */
public final class SitemapReader {

  /** One URL of a sitemap, with its news title and publication date when given. */
  public record Entry(
      String url, Long lastModified, String newsTitle, Long newsPublished, String newsLanguage) {

    /** The entry as a feed entry, so sitemaps and feeds share one item pipeline. */
    public FeedEntry toFeedEntry() {
      return new FeedEntry(
          null,
          newsTitle,
          url,
          null,
          null,
          newsPublished,
          lastModified,
          List.of(),
          List.of(),
          null,
          newsLanguage);
    }
  }

  /** A parsed sitemap: child sitemaps for an index, entries for a URL set. */
  public record Sitemap(boolean index, List<String> sitemaps, List<Entry> entries) {}

  /** Parses sitemap bytes (XML, text or RSS sitemaps; gzip already removed). */
  public Sitemap parse(byte[] content, String contentType, String url) throws FeedParseException {
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap sm;
    try {
      sm =
          parser.parseSiteMap(
              contentType == null ? "text/xml" : contentType, content, new URL(url));
    } catch (UnknownFormatException | IOException e) {
      throw new FeedParseException("not a sitemap: " + e.getMessage(), e);
    }
    if (sm.isIndex()) {
      List<String> children = new ArrayList<>();
      for (AbstractSiteMap child : ((SiteMapIndex) sm).getSitemaps()) {
        children.add(child.getUrl().toString());
      }
      return new Sitemap(true, children, List.of());
    }
    List<Entry> entries = new ArrayList<>();
    for (SiteMapURL u : ((SiteMap) sm).getSiteMapUrls()) {
      String title = null;
      Long published = null;
      String language = null;
      ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
      if (news != null) {
        for (ExtensionMetadata m : news) {
          if (m instanceof NewsAttributes n) {
            title = n.getTitle();
            published =
                n.getPublicationDateTime() == null
                    ? null
                    : n.getPublicationDateTime().toInstant().toEpochMilli();
            language = n.getLanguage();
          }
        }
      }
      entries.add(
          new Entry(
              u.getUrl().toString(),
              u.getLastModified() == null ? null : u.getLastModified().getTime(),
              title,
              published,
              language));
    }
    return new Sitemap(false, List.of(), entries);
  }
}
