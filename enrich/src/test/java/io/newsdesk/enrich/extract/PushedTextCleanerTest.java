package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Removal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PushedTextCleanerTest {

  private final PushedTextCleaner cleaner = new PushedTextCleaner();

  private PushedTextCleaner.Cleaned clean(String fixture) {
    return cleaner.clean(Fixtures.text("text/" + fixture), null, Fixtures.FETCHED_AT);
  }

  private static Map<String, Removal> byReason(PushedTextCleaner.Cleaned c) {
    return c.removed().stream().collect(Collectors.toMap(r -> r.getReason(), r -> r));
  }

  @Test
  void dropsAdblockNoticeFromPushedText() {
    PushedTextCleaner.Cleaned c = clean("site-chrome.txt");
    assertThat(c.text())
        .doesNotContain("Adblock")
        .doesNotContain("ad blocker")
        .doesNotContain("Related Articles")
        .doesNotContain("Leave a Reply")
        .doesNotContain("email address")
        .doesNotContain("Back to top");
    assertThat(c.text()).endsWith("during the changeover period.");
  }

  @Test
  void keepsTheHeadlineAsTitleAndDropsTheSectionLabel() {
    PushedTextCleaner.Cleaned c = clean("site-chrome.txt");
    assertThat(c.title()).isEqualTo("Ferry operator orders two electric ships for island routes");
    assertThat(c.text()).startsWith("The island ferry company");
    assertThat(byReason(c).get("metadata").getSample()).isEqualTo("Business");
  }

  @Test
  void prefersTheHeadlineOverAQuotedKicker() {
    PushedTextCleaner.Cleaned c = clean("kicker-dateline.txt");
    assertThat(c.title()).isEqualTo("Growers replant apple valley a decade after the great frost");
    assertThat(c.text()).doesNotContain("Growers replant apple valley");
  }

  @Test
  void readsPlaceAndDateFromTheDateline() {
    PushedTextCleaner.Cleaned c = clean("kicker-dateline.txt");
    assertThat(c.placeHint()).isEqualTo("HALDEN");
    assertThat(c.published()).isEqualTo(Instant.parse("2024-03-04T00:00:00Z").toEpochMilli());
  }

  @Test
  void dropsUrlsTimestampsTagsContactsAndRepeatedSiteNames() {
    PushedTextCleaner.Cleaned c = clean("page-metadata.txt");
    assertThat(c.title()).isEqualTo("City Council Approves Tram Extension to Airport");
    assertThat(c.text())
        .doesNotContain("https://")
        .doesNotContain("2024-06-11T14:20")
        .doesNotContain("desk@wire.example")
        .doesNotContain("+44 20")
        .doesNotContain("en_GB")
        .doesNotContain("transport, city")
        .doesNotContain("Example Wire Media Group")
        .startsWith("RIVERTON, June 11 (Example Wire) - The city council has approved")
        .endsWith("signs off on the plans this year.");
    assertThat(c.placeHint()).isEqualTo("RIVERTON");
    Map<String, Removal> removed = byReason(c);
    assertThat(removed).containsKeys("url", "timestamp", "contact", "tags", "duplicate");
    assertThat(removed.get("contact").getSample()).isEqualTo("desk@wire.example");
  }

  @Test
  void keepsOneCopyOfARepeatedLeadAndTheParagraphOrder() {
    PushedTextCleaner.Cleaned c = clean("page-metadata.txt");
    assertThat(c.text().split("\n\n")).hasSize(4);
  }

  @Test
  void dropsRepeatedHeadlineAndCaptionButKeepsAnAppendedSecondStory() {
    PushedTextCleaner.Cleaned c = clean("repeated-blocks.txt");
    assertThat(c.title()).isEqualTo("Library Extends Opening Hours for Exam Season");
    assertThat(c.text())
        .containsOnlyOnce("Students working in the main reading room. (File photo)")
        .doesNotContain("TT")
        .containsOnlyOnce("Sports Hall Roof Repairs to Finish in August")
        .containsOnlyOnce("A view of the sports hall from the east car park.")
        .contains("during term time as well.\n\nSports Hall Roof Repairs to Finish in August\n\n")
        .endsWith("training in a rented hall across town.");
    assertThat(c.appendedStories()).containsExactly("Sports Hall Roof Repairs to Finish in August");
    assertThat(byReason(c)).doesNotContainKey("second-article");
    assertThat(byReason(c).get("duplicate").getCount()).isPositive();
  }

  @Test
  void keepsEveryStoryOfAScrapeHoldingThreeStories() {
    String one = Fixtures.text("text/repeated-blocks.txt");
    String third =
        "\n\nCanteen Menu Adds Vegetarian Options\n\n"
            + "The kitchen staff at work on Tuesday. (University photo)\n"
            + "The kitchen staff at work on Tuesday. (University photo)\n\n"
            + "Canteen Menu Adds Vegetarian Options\n\n"
            + "The canteen will offer two vegetarian dishes every day from next term, the catering"
            + " office said after a survey of students and staff.\n";
    PushedTextCleaner.Cleaned c = cleaner.clean(one + third, null, Fixtures.FETCHED_AT);
    assertThat(c.appendedStories())
        .containsExactly(
            "Sports Hall Roof Repairs to Finish in August", "Canteen Menu Adds Vegetarian Options");
    assertThat(c.text())
        .containsOnlyOnce("Canteen Menu Adds Vegetarian Options")
        .containsOnlyOnce("The kitchen staff at work on Tuesday.")
        .contains("training in a rented hall across town.")
        .endsWith("a survey of students and staff.");
  }

  @Test
  void recordsEveryRemovalWithACountAndAShortSample() {
    PushedTextCleaner.Cleaned c = clean("page-metadata.txt");
    assertThat(c.removed()).allSatisfy(r -> assertThat(r.getCount()).isPositive());
    assertThat(c.removed())
        .allSatisfy(r -> assertThat(r.getSample()).isNotNull().hasSizeLessThanOrEqualTo(200));
    assertThat(byReason(c).get("url").getCount()).isEqualTo(2);
  }

  @Test
  void leavesCleanTextAlone() {
    String text = "First paragraph of a clean text that needs no work at all today.\n\nSecond one.";
    PushedTextCleaner.Cleaned c = cleaner.clean(text, null, Fixtures.FETCHED_AT);
    assertThat(c.text()).isEqualTo(text);
    assertThat(c.removed()).isEmpty();
  }

  @Test
  void cleansAScrapeHoldingTwoStoriesIntoOneArticleEachUnderItsOwnHeadline() {
    List<PushedTextCleaner.Cleaned> parts =
        cleaner.cleanStories(Fixtures.text("text/repeated-blocks.txt"), null, Fixtures.FETCHED_AT);
    assertThat(parts)
        .extracting(PushedTextCleaner.Cleaned::title)
        .containsExactly(
            "Library Extends Opening Hours for Exam Season",
            "Sports Hall Roof Repairs to Finish in August");
    assertThat(parts.get(0).text())
        .startsWith("Students working in the main reading room.")
        .endsWith("during term time as well.")
        .doesNotContain("Sports Hall");
    assertThat(parts.get(1).text())
        .startsWith("A view of the sports hall from the east car park.")
        .doesNotContain("Sports Hall Roof Repairs")
        .endsWith("training in a rented hall across town.");
  }

  @Test
  void everyRemovalSaysHowManyCharactersItTook() {
    String text = Fixtures.text("text/repeated-blocks.txt");
    List<PushedTextCleaner.Cleaned> parts = cleaner.cleanStories(text, null, Fixtures.FETCHED_AT);
    int removed = 0;
    int kept = 0;
    for (PushedTextCleaner.Cleaned c : parts) {
      for (Removal r : c.removed()) {
        assertThat(r.getChars()).as(r.getReason()).isGreaterThanOrEqualTo(r.getCount());
        removed += r.getChars();
      }
      kept += c.text().replace("\n", "").length() + c.title().length();
    }
    // Whatever is not kept (text or title) is accounted for by a removal, up to line breaks.
    int nonBlank = text.replaceAll("(?m)^\\s+|\\s+$", "").replace("\n", "").length();
    assertThat(removed + kept).isEqualTo(nonBlank);
  }
}
