package io.newsdesk.ingest.feed.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedEvalTest {

  private static Path shared(String sub) {
    String dir = System.getProperty("newsdesk.shared.dir");
    Path p = dir == null ? null : Path.of(dir, "data", "feeds", sub);
    assumeTrue(
        p != null && Files.isDirectory(p),
        "skipped: shared data " + sub + " not found (system property newsdesk.shared.dir)");
    return p;
  }

  @Test
  void translatesSimpleExpectations() {
    var checks =
        FeedparserEval.translate("not bozo and entries[0]['title'] == u'Caf\\xe9 & \"x\"'");
    assertThat(checks).hasSize(1);
    assertThat(FeedparserEval.translate("not bozo and encoding == 'big5'")).isNull();
    assertThat(FeedparserEval.translate("bozo")).isNull();
    assertThat(FeedparserEval.splitAnd("a == 'x and y' and b == 1"))
        .containsExactly("a == 'x and y'", "b == 1");
    assertThat(PythonLiteral.parse("u'\\u00e9\\n'")).isEqualTo("\u00e9\n");
    assertThat(PythonLiteral.parse("(2004, 1, 2)")).isEqualTo(List.of(2004L, 1L, 2L));
  }

  @Test
  void meetsMostFeedparserExpectationsThatApply() throws Exception {
    FeedparserEval.Result r = new FeedparserEval().run(shared("feedparser"));
    System.out.println(FeedEvalReport.feedparser(r, Integer.getInteger("eval.failures", 0)));
    assertThat(r.applicable()).isGreaterThan(500);
    assertThat(r.share()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void readsRomeLabelledFeeds() throws Exception {
    RomeLabelEval.Result r = new RomeLabelEval().run(shared("rome"));
    System.out.println(FeedEvalReport.rome(r, Integer.getInteger("eval.failures", 0)));
    assertThat(r.checks()).isGreaterThan(100);
    assertThat(r.share()).isGreaterThanOrEqualTo(0.95);
  }
}
