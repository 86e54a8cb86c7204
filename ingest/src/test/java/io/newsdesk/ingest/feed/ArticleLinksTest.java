package io.newsdesk.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleLinksTest {

  @Test
  void aSectionPageGivesItsArticlesNotItsNavigationFilesOrOtherSites() {
    String html =
        "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a>"
            + " <a href='/tag/politics'>Politics</a> <a href='/author/jane-doe-smith-jones'>Jane</a></nav>"
            + "<a href='/2024/01/11/council-passes-budget'>Council passes budget</a>"
            + "<a href='https://www.example.org/world/minister-visits-the-flooded-north#comments'>"
            + "Minister visits</a>"
            + "<a href='/world/story/123456'>Numbered story</a>"
            + "<a href='/images/flood-in-the-north-today.jpg'>photo</a>"
            + "<a href='https://elsewhere.net/2024/01/11/another-site-story'>elsewhere</a>"
            + "<a href='/2024/01/11/council-passes-budget'>again</a>"
            + "<a href='mailto:desk@example.org'>mail</a></body></html>";
    List<FeedEntry> links = ArticleLinks.find(html, "https://example.org/world/", 50);
    assertThat(links)
        .extracting(FeedEntry::link)
        .containsExactly(
            "https://example.org/2024/01/11/council-passes-budget",
            "https://www.example.org/world/minister-visits-the-flooded-north",
            "https://example.org/world/story/123456");
    assertThat(links.get(0).title()).isEqualTo("Council passes budget");
  }

  @Test
  void atMostTheGivenNumberOfLinks() {
    StringBuilder html = new StringBuilder("<body>");
    for (int i = 0; i < 30; i++) {
      html.append("<a href='/2024/02/0")
          .append(i % 9 + 1)
          .append("/story-")
          .append(i)
          .append("'>s</a>");
    }
    assertThat(ArticleLinks.find(html.toString(), "http://example.org/", 10)).hasSize(10);
  }
}
