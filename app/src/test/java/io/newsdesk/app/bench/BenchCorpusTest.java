package io.newsdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.app.demo.DemoSite;
import io.newsdesk.enrich.dedup.MinHasher;
import io.newsdesk.enrich.dedup.NearDuplicateConfig;
import io.newsdesk.enrich.extract.ArticleExtractor;
import io.newsdesk.enrich.extract.ArticleExtractors;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.RawDocument;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCorpusTest {

  @TempDir Path data;

  @Test
  void everyDistinctPageComesOnceBeforeAnyRepeats() throws Exception {
    page("extraction/scrapinghub/html/a.html.gz", "<p>news a</p>");
    page("extraction/scrapinghub/html/b.html", "<p>news b</p>");
    page("extraction/readability-test-pages/test-pages/001/source.html.gz", "<p>readability</p>");
    page("extraction/readability-test-pages/test-pages/001/expected.html", "<p>not a page</p>");
    page("extraction/trafilatura-eval/tests/cache/c.html.gz", "<p>trafilatura</p>");

    BenchCorpus.RealPages real = BenchCorpus.real(data).orElseThrow();

    assertThat(real.pages())
        .containsExactly(
            "<p>news a</p>", "<p>news b</p>", "<p>readability</p>", "<p>trafilatura</p>");
    List<String> six = real.take(6);
    assertThat(new HashSet<>(six.subList(0, 4))).hasSize(4);
    assertThat(six.subList(4, 6)).containsExactly("<p>news a</p>", "<p>news b</p>");
    assertThat(real.repeats(6)).isEqualTo(2);
    assertThat(real.repeats(3)).isZero();
    assertThat(real.description()).startsWith("4 distinct real pages (2 from ");
  }

  @Test
  void warmUpRoundsContinueOneSequenceOfDisguisedPages() throws Exception {
    page(
        "extraction/scrapinghub/html/a.html",
        "<html><head><link rel=canonical href=a.html></head><body><p>one two three</p></body>");
    page(
        "extraction/scrapinghub/html/b.html",
        "<html><head><link rel=canonical href=b.html></head><body><p>four five six</p></body>");
    BenchCorpus.RealPages real = BenchCorpus.real(data).orElseThrow();

    List<String> whole = real.warmup(5);
    List<String> rounds = new java.util.ArrayList<>(real.warmup(0, 2));
    rounds.addAll(real.warmup(2, 3));

    assertThat(rounds).isEqualTo(whole);
    assertThat(new HashSet<>(whole)).hasSize(5);
    assertThat(whole.get(4)).contains("three two one");
  }

  @Test
  void aDisguisedPageIsAnotherArticleWithTheSameWords() throws Exception {
    String page =
        DemoSite.resource("site/articles/fm-interview.html")
            .replace("<head>", "<head><meta property=\"og:url\" content=\"/og/fm.html\">");
    ArticleExtractor extractor = ArticleExtractors.standard();
    Article original = extractor.extract(raw(page));
    Article disguised = extractor.extract(raw(BenchCorpus.disguise(page, 3)));

    assertThat(disguised.getCanonicalUrl())
        .startsWith("https://warmup.invalid/3/")
        .isNotEqualTo(original.getCanonicalUrl());
    assertThat(disguised.getText()).isNotEqualTo(original.getText());
    assertThat(words(disguised.getText())).isEqualTo(words(original.getText()));
    MinHasher hasher = new MinHasher(NearDuplicateConfig.defaults());
    assertThat(
            hasher.signature(disguised.getText()).similarity(hasher.signature(original.getText())))
        .isLessThan(NearDuplicateConfig.defaults().threshold());
  }

  @Test
  void reversingKeepsTheSpaceAround() {
    assertThat(BenchCorpus.reverseWords("\n  Oil steadies  as OPEC+ holds "))
        .isEqualTo("\n  holds OPEC+ as steadies Oil ");
    assertThat(BenchCorpus.reverseWords("油价企稳 OPEC+ 会议")).isEqualTo("议会 OPEC+ 稳企价油");
    assertThat(BenchCorpus.reverseWords(" Oil prices")).isEqualTo(" secirp liO");
  }

  private static List<String> words(String text) {
    return java.util.Arrays.stream(text.split("\\s+")).sorted().toList();
  }

  private static RawDocument raw(String html) {
    return RawDocument.newBuilder()
        .setId("bench-test")
        .setSource("bench")
        .setUrl("http://127.0.0.1/bench/fm.html")
        .setFetchedAt(0L)
        .setArrival(Arrival.PAGE)
        .setContentType("text/html")
        .setCharset("UTF-8")
        .setBody(ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  @Test
  void noDataMeansNoRealPages() throws Exception {
    assertThat(BenchCorpus.real(data)).isEmpty();
    assertThat(BenchCorpus.real(null)).isEmpty();
  }

  private void page(String path, String html) throws Exception {
    Path p = data.resolve(path);
    Files.createDirectories(p.getParent());
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    if (path.endsWith(".gz")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(bytes);
      }
      bytes = out.toByteArray();
    }
    Files.write(p, bytes);
  }
}
