package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageScorerTest {

  private static LanguageDetectorModel model;
  private static LanguageScorer.Features features;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = LanguageScorerTest.class.getResourceAsStream("/langdetect-183.bin")) {
      model = new LanguageDetectorModel(in);
    }
    features = new LanguageScorer.Features(model.getMaxentModel());
  }

  static Stream<String> texts() {
    return Stream.of(
        "",
        "ok",
        "The council approved the budget on Tuesday after a long debate.",
        "Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt beschlossen.",
        "Le conseil municipal a adopté le budget mardi après un long débat.",
        "El ayuntamiento aprobó el presupuesto el martes tras un largo debate.",
        "Городской совет во вторник после долгих дебатов утвердил бюджет.",
        "市议会周二在长时间辩论后批准了预算。",
        "مجلس المدينة وافق على الميزانية يوم الثلاثاء بعد نقاش طويل",
        "Visit https://example.com/news?id=42 or write to desk@example.com, 2024-06-12 #news @desk",
        "1234 5678 !!! ??? ... 😀😀",
        Fixtures.text("/io/newsdesk/enrich/extract/html/harbour-bridge.expected.txt"),
        Fixtures.text("/io/newsdesk/enrich/extract/text/kicker-dateline.txt"),
        Fixtures.text("/io/newsdesk/enrich/entities/withdrawal-interview.txt"));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void ranksExactlyAsTheLibrary(String text) {
    Language[] expected = new LanguageDetectorME(model).predictLanguages(text);
    Language[] actual = new LanguageScorer(model, features).predictLanguages(text);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i].getLang()).as("rank %d", i).isEqualTo(expected[i].getLang());
      // Bit for bit: the same weights summed in the same order.
      assertThat(actual[i].getConfidence()).as("rank %d", i).isEqualTo(expected[i].getConfidence());
    }
  }

  @Test
  void findsTheModelsFeaturesByTheirCharactersOnly() {
    // A feature the model has, asked for as a String and as another CharSequence.
    int id = features.id("the");
    assertThat(id).isNotNegative();
    assertThat(features.id(new StringBuilder("th").append('e'))).isEqualTo(id);
    assertThat(features.id("zzzqqq\u2603")).isEqualTo(-1);
    assertThat(features.id("aa")).isNotNegative().isNotEqualTo(features.id("bb"));
    assertThat(features.id("bb")).isNotNegative();
  }
}
