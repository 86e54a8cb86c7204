package io.newsdesk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

  @Test
  void importsFeedUrlsFromNestedOpml() {
    String opml =
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Subs</title></head><body>"
            + "<outline text=\"News\"><outline type=\"rss\" text=\"A\" xmlUrl=\"https://a.example/rss\"/>"
            + "<outline type=\"rss\" text=\"B\" xmlUrl=\"https://b.example/atom\" htmlUrl=\"https://b.example/\"/>"
            + "</outline><outline type=\"rss\" text=\"A again\" xmlUrl=\"https://a.example/rss\"/>"
            + "<outline text=\"Just a link\" url=\"https://c.example/\"/></body></opml>";
    assertThat(OpmlImporter.parse(opml))
        .containsExactly("https://a.example/rss", "https://b.example/atom");
  }

  @Test
  void discoversFeedsAnnouncedByAPage() {
    String html =
        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\">"
            + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://x.example/atom\">"
            + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"feed.json\">"
            + "<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/\">"
            + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/s.css\"></head></html>";
    assertThat(FeedAutodiscovery.discover(html, "https://x.example/news/"))
        .containsExactly(
            "https://x.example/rss.xml",
            "https://x.example/atom",
            "https://x.example/news/feed.json");
  }

  @Test
  void readsAGoogleNewsSitemap() throws Exception {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
            + "<url><loc>https://n.example/story1</loc><news:news><news:publication>"
            + "<news:name>N</news:name><news:language>en</news:language></news:publication>"
            + "<news:publication_date>2024-05-01T10:00:00Z</news:publication_date>"
            + "<news:title>Story one</news:title></news:news></url>"
            + "<url><loc>https://n.example/story2</loc><lastmod>2024-05-02</lastmod></url>"
            + "</urlset>";
    SitemapReader.Sitemap sm =
        new SitemapReader()
            .parse(
                xml.getBytes(StandardCharsets.UTF_8), "text/xml", "https://n.example/sitemap.xml");
    assertThat(sm.index()).isFalse();
    assertThat(sm.entries()).hasSize(2);
    SitemapReader.Entry first = sm.entries().get(0);
    assertThat(first.url()).isEqualTo("https://n.example/story1");
    assertThat(first.newsTitle()).isEqualTo("Story one");
    assertThat(first.newsPublished())
        .isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    assertThat(first.toFeedEntry().title()).isEqualTo("Story one");
  }

  @Test
  void readsASitemapIndex() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>https://n.example/s1.xml</loc></sitemap>"
            + "<sitemap><loc>https://n.example/s2.xml</loc></sitemap></sitemapindex>";
    SitemapReader.Sitemap sm =
        new SitemapReader()
            .parse(xml.getBytes(StandardCharsets.UTF_8), "text/xml", "https://n.example/index.xml");
    assertThat(sm.index()).isTrue();
    assertThat(sm.sitemaps())
        .containsExactlyInAnyOrder("https://n.example/s1.xml", "https://n.example/s2.xml");
  }

  @Test
  void rejectsGarbageAsASitemap() {
    assertThatThrownBy(
            () ->
                new SitemapReader()
                    .parse(
                        "<html>no</html>".getBytes(StandardCharsets.UTF_8),
                        "text/html",
                        "https://n.example/x"))
        .isInstanceOf(FeedParseException.class);
  }
}
