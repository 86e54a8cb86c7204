package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

  private final LanguageIdentifier id = LanguageIdentifier.shared();

  @Test
  void identifiesCommonNewsLanguagesAsIso6391() {
    assertThat(id.identify("The council approved the budget on Tuesday after a long debate."))
        .contains("en");
    assertThat(
            id.identify(
                "Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt beschlossen."))
        .contains("de");
    assertThat(id.identify("Le conseil municipal a adopté le budget mardi après un long débat."))
        .contains("fr");
    assertThat(id.identify("El ayuntamiento aprobó el presupuesto el martes tras un largo debate."))
        .contains("es");
  }

  @Test
  void aLongTextIsIdentifiedPastItsFirstThousandCharacters() {
    String english = "Read more. Share this article. Sign up for our newsletter. ".repeat(14);
    String german =
        "Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt für das kommende Jahr"
            + " beschlossen, und die Opposition kündigte an, gegen einzelne Posten zu klagen. ";
    assertThat(id.identify(german.repeat(30))).contains("de");
    assertThat(id.identify(english + german.repeat(30))).isPresent();
  }

  @Test
  void saysNothingAboutTooShortText() {
    assertThat(id.identify("ok")).isEmpty();
  }
}
