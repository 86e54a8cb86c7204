package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.FeedItem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchingArticleExtractorTest {

  private final ArticleExtractor extractor = ArticleExtractors.standard();

  private static ExtractionException.Reason reasonOf(Throwable t) {
    return ((ExtractionException) t).reason();
  }

  @Test
  void rejectsATenMegabytePageQuicklyAsTooLarge() {
    byte[] big =
        ("<html><body>" + "<p>filler text</p>".repeat(600_000) + "</body></html>").getBytes();
    assertThat(big.length).isGreaterThan(10_000_000);
    // CPU time of this thread, not wall time: rejected before parsing costs milliseconds of CPU
    // however loaded the machine, parsing 10 MB costs seconds of it.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    assertThatThrownBy(() -> extractor.extract(Fixtures.html(big, "https://x.example/big")))
        .isInstanceOf(ExtractionException.class)
        .satisfies(t -> assertThat(reasonOf(t)).isEqualTo(ExtractionException.Reason.TOO_LARGE));
    assertThat(Duration.ofNanos(cpu.getCurrentThreadCpuTime() - start))
        .as("CPU time to reject")
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void rejectsAPageThatOverrunsItsTimeBudget() {
    ArticleExtractor strict =
        ArticleExtractors.standard(ExtractorConfig.defaults().withTimeBudget(Duration.ofNanos(1)));
    byte[] page = Fixtures.bytes("html/harbour-bridge.html");
    assertThatThrownBy(() -> strict.extract(Fixtures.html(page, "https://x.example/a")))
        .satisfies(t -> assertThat(reasonOf(t)).isEqualTo(ExtractionException.Reason.TOO_LARGE));
  }

  @Test
  void rejectsBinaryBodiesAsUndecodable() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H'};
    assertThatThrownBy(() -> extractor.extract(Fixtures.doc(png, "u", null, Arrival.PAGE, null)))
        .satisfies(t -> assertThat(reasonOf(t)).isEqualTo(ExtractionException.Reason.UNDECODABLE));
  }

  @Test
  void rejectsImagesAsUnsupported() {
    assertThatThrownBy(
            () ->
                extractor.extract(
                    Fixtures.doc("GIF89a".getBytes(), "u", "image/gif", Arrival.PAGE, null)))
        .satisfies(
            t -> assertThat(reasonOf(t)).isEqualTo(ExtractionException.Reason.UNSUPPORTED_TYPE));
  }

  @Test
  void rejectsAPageWithTooLittleTextAsNotAnArticle() {
    byte[] page = "<html><body><nav><a href=/>Home</a></nav><p>Hi.</p></body></html>".getBytes();
    assertThatThrownBy(() -> extractor.extract(Fixtures.html(page, "https://x.example/")))
        .satisfies(
            t -> assertThat(reasonOf(t)).isEqualTo(ExtractionException.Reason.NOT_AN_ARTICLE));
  }

  @Test
  void cleansPushedPlainTextAndRecordsWhatItRemoved() throws Exception {
    Article a = extractor.extract(Fixtures.pushed(Fixtures.text("text/site-chrome.txt")));
    assertThat(a.getTitle())
        .isEqualTo("Ferry operator orders two electric ships for island routes");
    assertThat(a.getText()).doesNotContain("Adblock");
    assertThat(a.getRemoved()).extracting(r -> r.getReason()).contains("chrome");
    assertThat(a.getExtractor()).startsWith("plaintext-cleaner/");
    assertThat(a.getLanguage()).isEqualTo("en");
  }

  @Test
  void datesPushedTextFromItsDateline() throws Exception {
    Article a = extractor.extract(Fixtures.pushed(Fixtures.text("text/kicker-dateline.txt")));
    assertThat(a.getPublishedFrom()).isEqualTo("text");
    assertThat(a.getPlaceHint()).isEqualTo("HALDEN");
  }

  @Test
  void fallsBackToTheFeedDateAndThenTheFetchTime() throws Exception {
    long feedDate = Fixtures.FETCHED_AT - 86_400_000L;
    FeedItem item = FeedItem.newBuilder().setPublished(feedDate).setAuthors(List.of()).build();
    String text = "A clean paragraph with no date in it at all, long enough to count. ".repeat(5);
    Article fromFeed =
        extractor.extract(
            Fixtures.doc(
                text.getBytes(StandardCharsets.UTF_8), "u", "text/plain", Arrival.PUSH, item));
    assertThat(fromFeed.getPublishedFrom()).isEqualTo("feed");
    assertThat(fromFeed.getPublished()).isEqualTo(feedDate);
    Article fetched = extractor.extract(Fixtures.pushed(text));
    assertThat(fetched.getPublishedFrom()).isEqualTo("fetched");
    assertThat(fetched.getPublished()).isEqualTo(Fixtures.FETCHED_AT);
  }

  @Test
  void sniffsHtmlWhenTheContentTypeIsMissing() throws Exception {
    Article a =
        extractor.extract(
            Fixtures.doc(
                Fixtures.bytes("html/harbour-bridge.html"),
                "https://x.example/a",
                null,
                Arrival.PAGE,
                null));
    assertThat(a.getExtractor()).startsWith("jsoup-extractor/");
    assertThat(a.getText()).startsWith("The Kestrel Harbour bridge");
  }

  @Test
  void honoursAByteOrderMark() throws Exception {
    byte[] page = Fixtures.bytes("html/harbour-bridge.html");
    byte[] withBom = new byte[page.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(page, 0, withBom, 3, page.length);
    Article a = extractor.extract(Fixtures.html(withBom, "https://x.example/a"));
    assertThat(a.getText()).contains("“People have been patient");
  }

  @Test
  void aPushedTextHoldingTwoStoriesBecomesTwoArticlesEachWithItsTitle() throws Exception {
    List<Article> articles =
        ArticleExtractors.standard(ExtractorConfig.defaults())
            .extractAll(Fixtures.pushed(Fixtures.text("text/repeated-blocks.txt")));
    assertThat(articles)
        .extracting(Article::getTitle)
        .containsExactly(
            "Library Extends Opening Hours for Exam Season",
            "Sports Hall Roof Repairs to Finish in August");
    assertThat(articles).extracting(Article::getId).containsExactly("test", "test-2");
    assertThat(articles).extracting(Article::getUrl).containsExactly("push:1", "push:1#story-2");
    assertThat(articles.get(1).getText()).contains("Repairs to the roof of the sports hall");
    assertThat(articles.get(0).getText()).doesNotContain("sports hall");
  }
}
