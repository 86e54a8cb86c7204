package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsoupArticleExtractorTest {

  private final ArticleExtractor extractor = ArticleExtractors.standard();
  private static final String URL = "https://ledger.example/news/2024/05/14/harbour-bridge";

  private Article bridge() throws ExtractionException {
    return extractor.extract(Fixtures.html(Fixtures.bytes("html/harbour-bridge.html"), URL));
  }

  @Test
  void extractsTheGoldenTextOfAnArticlePage() throws Exception {
    assertThat(bridge().getText())
        .isEqualTo(Fixtures.text("html/harbour-bridge.expected.txt").strip());
  }

  @Test
  void dropsNavigationShareBarsRelatedStoriesCommentsAndBanners() throws Exception {
    assertThat(bridge().getText())
        .doesNotContain("cookies")
        .doesNotContain("Share on")
        .doesNotContain("Related stories")
        .doesNotContain("Ferry timetable")
        .doesNotContain("newsletter")
        .doesNotContain("commute")
        .doesNotContain("Most read")
        .doesNotContain("All rights reserved")
        .doesNotContain("Advertisement")
        .doesNotContain("Sport");
  }

  @Test
  void keepsSubheadingsOnTheirOwnLines() throws Exception {
    assertThat(bridge().getText()).contains("\n\nBuses return first\n\n");
  }

  @Test
  void prefersTheDomWhenStructuredBodyIsTruncated() throws Exception {
    assertThat(bridge().getText()).contains("national infrastructure fund");
  }

  @Test
  void readsMetadataFromStructuredDataAndMetaTags() throws Exception {
    Article a = bridge();
    assertThat(a.getTitle()).isEqualTo("Harbour bridge to reopen after two-year repair");
    assertThat(a.getAuthors()).containsExactly("Mara Lindqvist", "Tomas Okafor");
    assertThat(a.getPublished()).isEqualTo(Instant.parse("2024-05-14T06:30:00Z").toEpochMilli());
    assertThat(a.getPublishedFrom()).isEqualTo("json-ld");
    assertThat(a.getModified()).isEqualTo(Instant.parse("2024-05-14T08:05:00Z").toEpochMilli());
    assertThat(a.getCanonicalUrl())
        .isEqualTo("https://ledger.example/news/2024/05/14/harbour-bridge-reopens");
    assertThat(a.getImage()).isEqualTo("https://ledger.example/media/bridge-1200.jpg");
    assertThat(a.getSiteName()).isEqualTo("The Coastal Ledger");
    assertThat(a.getDescription()).isEqualTo("Engineers say the crossing is safe again.");
    assertThat(a.getLanguage()).isEqualTo("en");
    assertThat(a.getExtractor()).isEqualTo(extractor.version());
  }

  @Test
  void usesStructuredBodyWhenThePageIsAnEmptyAppShell() throws Exception {
    Article a =
        extractor.extract(
            Fixtures.html(Fixtures.bytes("html/app-shell.html"), "https://stadt.example/tarife"));
    assertThat(a.getText()).startsWith("Die Stadtwerke senken zum ersten Juli");
    assertThat(a.getLanguage()).isEqualTo("de");
    assertThat(a.getAuthors()).containsExactly("Jana Brückner");
    assertThat(a.getPublishedFrom()).isEqualTo("json-ld");
  }

  @Test
  void decodesTheCharsetDeclaredInAMetaTag() throws Exception {
    Article a =
        extractor.extract(
            Fixtures.html(Fixtures.bytes("html/latin1.html"), "https://amt.example/muell"));
    assertThat(a.getTitle()).isEqualTo("Müllabfuhr verschoben");
    assertThat(a.getText()).contains("Straßen der Südstadt").doesNotContain("\uFFFD");
  }

  @Test
  void takesTheDateFromTheUrlWhenThePageHasNone() throws Exception {
    String html =
        "<html><body><article><p>"
            + "Long enough paragraph about the river festival, with boats, music and food stalls. "
                .repeat(4)
            + "</p></article></body></html>";
    Article a =
        extractor.extract(
            Fixtures.html(html.getBytes(), "https://news.example/2021/07/03/river-festival"));
    assertThat(a.getPublishedFrom()).isEqualTo("url");
    assertThat(a.getPublished()).isEqualTo(Instant.parse("2021-07-03T00:00:00Z").toEpochMilli());
  }

  @Test
  void neverDatesAnArticleInTheFuture() throws Exception {
    String html =
        "<html><head><meta property=\"article:published_time\" content=\"2031-01-01T00:00:00Z\">"
            + "</head><body><p>"
            + "A paragraph of text long enough to count as an article for this test case. "
                .repeat(4)
            + "</p></body></html>";
    Article a = extractor.extract(Fixtures.html(html.getBytes(), "https://news.example/x"));
    assertThat(a.getPublishedFrom()).isEqualTo("fetched");
    assertThat(a.getPublished()).isEqualTo(Fixtures.FETCHED_AT);
  }

  @Test
  void dropsStockChromeLinesInOtherLanguages() throws Exception {
    String paragraph =
        "<p>Der Gemeinderat hat am Dienstag den Bau einer neuen Brücke über den Fluss beschlossen,"
            + " die Arbeiten sollen im Herbst beginnen und zwei Jahre dauern.</p>"
            + "<p>Die Kosten von rund zwölf Millionen Euro teilen sich Stadt und Land, sagte die"
            + " Bürgermeisterin nach der Sitzung.</p>";
    String html =
        "<html><body><div class=\"content\">"
            + paragraph
            + "<p>Weiterlesen: Neue Radwege für die Innenstadt</p>"
            + "<p>Lire aussi : le pont de la ville voisine</p>"
            + "<p>dpa / Max Muster</p>"
            + "<p>Während der Bauzeit wird eine Fähre eingerichtet, die tagsüber alle zwanzig"
            + " Minuten zwischen beiden Ufern verkehrt.</p>"
            + "</div></body></html>";
    Article a = extractor.extract(Fixtures.html(html.getBytes(), "https://x.example/de/bruecke"));
    assertThat(a.getText())
        .doesNotContain("Weiterlesen")
        .doesNotContain("Lire aussi")
        .doesNotContain("dpa /")
        .contains("Gemeinderat");
    assertThat(a.getLanguage()).isEqualTo("de");
  }

  @Test
  void recordsWhatItRemovedByReasonWithASample() throws Exception {
    Article a = bridge();
    assertThat(a.getRemoved())
        .extracting(r -> r.getReason())
        .contains("page-chrome", "page-landmark");
    assertThat(a.getRemoved())
        .filteredOn(r -> r.getReason().equals("page-chrome"))
        .first()
        .satisfies(r -> assertThat(r.getSample()).startsWith("We use cookies"));
    assertThat(a.getRemoved())
        .allSatisfy(r -> assertThat(r.getSample()).hasSizeLessThanOrEqualTo(200));
  }
}
