package io.newsdesk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  private final FeedParser parser = new FeedParser();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
      return in.readAllBytes();
    }
  }

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void readsRss2WithContentDublinCoreMediaAndSyndicationModules() throws Exception {
    ParsedFeed f =
        parser.parse(fixture("rss2-modules.xml"), null, "https://news.example.com/feed.xml");
    assertThat(f.type()).isEqualTo("rss_2.0");
    assertThat(f.title()).isEqualTo("Example News");
    assertThat(f.link()).isEqualTo("https://news.example.com/");
    assertThat(f.language()).isEqualTo("en-gb");
    assertThat(f.ttl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(f.syndicationPeriod()).isEqualTo(Duration.ofMinutes(30));
    assertThat(f.entries()).hasSize(2);
    FeedEntry first = f.entries().get(0);
    assertThat(first.id()).isEqualTo("story-1");
    assertThat(first.title()).isEqualTo("First story");
    assertThat(first.summary()).isEqualTo("Short summary");
    assertThat(first.content()).isEqualTo("<p>Full <b>text</b> & more</p>");
    assertThat(first.authors()).containsExactly("Ada Lovelace");
    assertThat(first.categories()).containsExactly("Science", "Computing");
    assertThat(first.published()).isEqualTo(at("2024-01-01T10:00:00Z"));
    assertThat(first.imageUrl()).isEqualTo("https://img.example.com/1.jpg");
    FeedEntry second = f.entries().get(1);
    assertThat(second.link()).isEqualTo("https://news.example.com/2024/second");
    assertThat(second.published()).isEqualTo(at("2024-01-02T08:30:00Z"));
    assertThat(second.imageUrl()).isEqualTo("https://img.example.com/2.jpg");
    assertThat(second.identity()).isEqualTo("https://news.example.com/2024/second");
  }

  @Test
  void readsAtom10() throws Exception {
    ParsedFeed f = parser.parse(fixture("atom10.xml"), "application/atom+xml", null);
    assertThat(f.type()).isEqualTo("atom_1.0");
    assertThat(f.title()).isEqualTo("Example Blog");
    assertThat(f.link()).isEqualTo("https://blog.example.org/");
    FeedEntry e = f.entries().get(0);
    assertThat(e.id()).isEqualTo("tag:blog.example.org,2024:1");
    assertThat(e.link()).isEqualTo("https://blog.example.org/posts/1");
    assertThat(e.published()).isEqualTo(at("2024-03-01T09:00:00Z"));
    assertThat(e.updated()).isEqualTo(at("2024-03-01T11:00:00Z"));
    assertThat(e.authors()).containsExactly("Grace Hopper");
    assertThat(e.categories()).containsExactly("navy");
    assertThat(e.summary()).isEqualTo("Summary text");
    assertThat(e.content()).isEqualTo("<p>Body</p>");
  }

  @Test
  void readsAtom03() throws Exception {
    ParsedFeed f = parser.parse(fixture("atom03.xml"), null, null);
    assertThat(f.type()).isEqualTo("atom_0.3");
    FeedEntry e = f.entries().get(0);
    assertThat(e.title()).isEqualTo("Atom 0.3 entry");
    assertThat(e.link()).isEqualTo("http://atom03.example.com/2003/12/13/atom03");
    assertThat(e.published()).isEqualTo(at("2003-12-13T12:29:29Z"));
  }

  @Test
  void readsRss10Rdf() throws Exception {
    ParsedFeed f = parser.parse(fixture("rss10.rdf"), null, null);
    assertThat(f.type()).isEqualTo("rss_1.0");
    FeedEntry e = f.entries().get(0);
    assertThat(e.title()).isEqualTo("RDF item");
    assertThat(e.link()).isEqualTo("https://rdf.example.net/a");
    assertThat(e.summary()).isEqualTo("RDF description");
    assertThat(e.published()).isEqualTo(at("2024-02-02T02:02:02Z"));
    assertThat(e.authors()).containsExactly("Tim");
  }

  @Test
  void readsRss091() throws Exception {
    ParsedFeed f = parser.parse(fixture("rss091-netscape.xml"), null, null);
    assertThat(f.type()).startsWith("rss_0.9");
    assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Old item");
  }

  @Test
  void readsJsonFeed11() throws Exception {
    ParsedFeed f =
        parser.parse(
            fixture("feed.json"), "application/feed+json", "https://json.example.com/feed.json");
    assertThat(f.type()).isEqualTo("json_1.1");
    assertThat(f.title()).isEqualTo("JSON News");
    FeedEntry e = f.entries().get(0);
    assertThat(e.id()).isEqualTo("j1");
    assertThat(e.content()).isEqualTo("<p>Hello</p>");
    assertThat(e.summary()).isEqualTo("Hi");
    assertThat(e.published()).isEqualTo(at("2024-04-01T09:00:00Z"));
    assertThat(e.categories()).containsExactly("a", "b");
    assertThat(e.authors()).containsExactly("Feed Author");
    assertThat(e.language()).isEqualTo("fr");
    assertThat(f.entries().get(1).link()).isEqualTo("https://json.example.com/2");
  }

  @Test
  void repairsBareAmpersandsHtmlEntitiesAndDoctypes() throws Exception {
    ParsedFeed f = parser.parse(fixture("broken-entities.xml"), null, null);
    assertThat(f.title()).isEqualTo("Tom & Jerry\u00a0News \u00a9 2024");
    FeedEntry e = f.entries().get(0);
    assertThat(e.title()).isEqualTo("Caf\u00e9 opens");
    assertThat(e.link()).isEqualTo("http://broken.example.com/cafe?a=1&b=2");
    assertThat(e.summary()).isEqualTo("No date here\u2026");
    assertThat(e.published()).isNull();
    assertThat(f.warnings()).isNotEmpty();
  }

  @Test
  void survivesAWrongDeclaredEncoding() throws Exception {
    String xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Se\u00f1or"
            + "</title><item><title>Ni\u00f1o</title><link>http://x.example/1</link></item>"
            + "</channel></rss>";
    byte[] latin1 = xml.getBytes(Charset.forName("ISO-8859-1"));
    ParsedFeed f = parser.parse(latin1, "text/xml", null);
    assertThat(f.title()).isEqualTo("Se\u00f1or");
    assertThat(f.entries().get(0).title()).isEqualTo("Ni\u00f1o");
  }

  @Test
  void headerCharsetOverridesTheDeclaration() throws Exception {
    String xml =
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel>"
            + "<title>\u65e5\u672c</title></channel></rss>";
    ParsedFeed f =
        parser.parse(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8", null);
    assertThat(f.title()).isEqualTo("\u65e5\u672c");
  }

  @Test
  void fallsBackToTagSoupForUnclosedTags() throws Exception {
    String xml =
        "<rss version=\"2.0\"><channel><title>Soup</title><item><title>One</title>"
            + "<link>http://soup.example/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 +0100</pubDate>"
            + "</item><item><title>Two<link>http://soup.example/2</link></item></channel>";
    ParsedFeed f = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
    assertThat(f.entries()).isNotEmpty();
    assertThat(f.entries().get(0).link()).isEqualTo("http://soup.example/1");
    assertThat(f.entries().get(0).published()).isEqualTo(at("2024-01-02T09:00:00Z"));
  }

  @Test
  void rejectsAPageThatIsNoFeed() {
    assertThatThrownBy(() -> parser.parse(fixtureQuietly("not-a-feed.html"), "text/html", null))
        .isInstanceOf(FeedParseException.class);
    assertThatThrownBy(
            () -> parser.parse("plain words".getBytes(StandardCharsets.UTF_8), null, null))
        .isInstanceOf(FeedParseException.class);
    assertThatThrownBy(
            () -> parser.parse("{\"x\": 1}".getBytes(StandardCharsets.UTF_8), null, null))
        .isInstanceOf(FeedParseException.class);
  }

  @Test
  void parsesFeedDates() {
    assertThat(Dates.parse("Mon, 01 Jan 2024 10:00:00 GMT")).isEqualTo(at("2024-01-01T10:00:00Z"));
    assertThat(Dates.parse("1 Jan 2024 10:00 EST")).isEqualTo(at("2024-01-01T15:00:00Z"));
    assertThat(Dates.parse("2024-01-01T10:00:00.5+02:00"))
        .isEqualTo(at("2024-01-01T08:00:00.500Z"));
    assertThat(Dates.parse("2024-01-01")).isEqualTo(at("2024-01-01T00:00:00Z"));
    assertThat(Dates.parse("yesterday")).isNull();
  }

  private static byte[] fixtureQuietly(String name) {
    try {
      return fixture(name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aFeedNestedDeeperThanAnyRealOneIsRefusedQuickly() {
    String deep =
        "<rss><channel><title>T</title><item><title>x</title><description>"
            + "<x>".repeat(50_000)
            + "</description></item></channel></rss>";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new FeedParser()
                    .parse(
                        deep.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        null,
                        "https://n.example/f"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("nested deeper than");
    // Markup inside CDATA and comments does not count.
    String cdata =
        "<rss><channel><item><description><![CDATA["
            + "<br>".repeat(5_000)
            + "]]></description><!-- "
            + "<x>".repeat(5_000)
            + " --></item></channel></rss>";
    org.assertj.core.api.Assertions.assertThat(
            FeedParser.nestingExceeds(cdata, FeedParser.MAX_DEPTH))
        .isFalse();
  }
}
