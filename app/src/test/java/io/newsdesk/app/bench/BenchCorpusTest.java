package io.newsdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
