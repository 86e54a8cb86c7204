package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.enrich.extract.ExtractorConfig;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Removal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentLimitsTest {
  private static EnrichComponents components;

  @BeforeAll
  static void load() {
    components = EnrichComponents.standard();
  }

  private static Article article(String text) {
    return Article.newBuilder()
        .setId("a")
        .setUrl("push:a")
        .setSource("test")
        .setArrival(Arrival.PUSH)
        .setFetchedAt(0L)
        .setText(text)
        .setExtractor("none")
        .build();
  }

  private static final String SENTENCE =
      "Mayor Ada Veltri of Lindham met Tomas Orrin of Northfield Bank in Port Calder on Monday. ";

  @Test
  void aShortArticleIsNotCutAndSaysSo() {
    EnrichedArticle e = new ArticleEnricher(components).annotate(article(SENTENCE.repeat(3)), 0L);
    assertThat(e.getLimits()).isNull();
    assertThat(e.getEntities()).isNotEmpty();
  }

  @Test
  void aLongArticleIsAnalysedUpToTheCapAtASentenceEndAndTheCutIsRecorded() {
    String text = SENTENCE.repeat(200); // about 18,000 characters
    DocumentLimits limits = new DocumentLimits(2_000, 3, 4, 2);
    EnrichedArticle e = new ArticleEnricher(components, limits).annotate(article(text), 0L);
    assertThat(e.getArticle().getText()).isEqualTo(text); // the text itself is kept whole
    assertThat(e.getLimits()).isNotNull();
    assertThat(e.getLimits().getTextChars()).isEqualTo(text.length());
    assertThat(e.getLimits().getAnalysedChars()).isLessThanOrEqualTo(2_000).isGreaterThan(1_800);
    assertThat(text.charAt(e.getLimits().getAnalysedChars() - 1)).isEqualTo('.');
    assertThat(e.getEntities()).hasSizeLessThanOrEqualTo(3);
    for (Entity en : e.getEntities()) {
      assertThat(en.getMentions()).hasSizeLessThanOrEqualTo(4);
      assertThat(en.getMentions())
          .allSatisfy(m -> assertThat(m.getEnd()).isLessThanOrEqualTo(2_000));
    }
    assertThat(e.getLimits().getMentionsDropped()).isPositive();
    assertThat(e.getEntities().stream().filter(en -> en.getSentiment() != null).count())
        .isLessThanOrEqualTo(2);
    assertThat(e.getLimits().getTargetsSkipped()).isEqualTo(e.getEntities().size() - 2);
  }

  @Test
  void theCutNeverSplitsAWordWhenThereIsNoSentenceEnd() {
    String text = "word ".repeat(1_000);
    String analysed = new DocumentLimits(1_000, 1, 1, 0).analysed(text);
    assertThat(analysed).hasSizeLessThanOrEqualTo(1_000).endsWith("word");
  }

  @Test
  void aHugePushedTextIsCutOnceAtTheTextCapBeforeCleaningAndTheCutIsRecorded() throws Exception {
    String text = SENTENCE.repeat(12_000); // about 1 MB, one paragraph of names
    RawDocument raw = EnrichTopologyTest.doc("big", "push:big", text);
    EnrichedArticle e = new ArticleEnricher(components).enrich(raw, 0L);
    int cap = ExtractorConfig.DEFAULT_MAX_TEXT_CHARS;
    String kept = e.getArticle().getText();
    assertThat(kept.length()).isLessThanOrEqualTo(cap).isGreaterThan(cap - cap / 10);
    assertThat(kept).endsWith("Monday.");
    Removal cut =
        e.getArticle().getRemoved().stream()
            .filter(r -> r.getReason().equals(ExtractorConfig.TEXT_LIMIT_REASON))
            .findFirst()
            .orElseThrow();
    assertThat(cut.getChars()).isEqualTo(text.length() - kept.length());
    assertThat(cut.getSample()).startsWith("Mayor Ada Veltri").hasSizeLessThanOrEqualTo(200);
    // The limits name the whole length and the analysed prefix of what was kept.
    assertThat(e.getLimits().getTextChars()).isEqualTo(text.length());
    assertThat(e.getLimits().getAnalysedChars())
        .isLessThanOrEqualTo(DocumentLimits.defaults().maxAnalysedChars());
  }

  @Test
  void aTextUnderTheCapKeepsAllOfItAndRecordsNoCut() throws Exception {
    String text = SENTENCE.repeat(100);
    RawDocument raw = EnrichTopologyTest.doc("small", "push:small", text);
    EnrichedArticle e = new ArticleEnricher(components).enrich(raw, 0L);
    assertThat(e.getArticle().getRemoved())
        .noneMatch(r -> r.getReason().equals(ExtractorConfig.TEXT_LIMIT_REASON));
    assertThat(e.getLimits()).isNull();
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new DocumentLimits(10, 1, 1, 1))
        .hasMessageContaining("maxAnalysedChars");
    assertThatThrownBy(() -> new DocumentLimits(1_000, 0, 1, 1))
        .hasMessageContaining("maxEntities");
  }
}
