package io.newsdesk.enrich.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Chrome by class and id names: the literal look-ups read names as the regular expressions they
 * replaced did (kept here as the reference), on names built from the words, their neighbours and
 * separators.
 */
class BoilerplateNamesTest {

  private static final Pattern HARD_NEGATIVE =
      Pattern.compile(
          "comment|disqus|newsletter|cookie|consent|gdpr|outbrain|taboola|breadcrumb|pagination"
              + "|share|sharing|social|related|recommend|read-?more|more-?stories|most-?popular"
              + "|most-?read|trending|subscribe|subscription|signup|sign-up|paywall|promo|sponsor"
              + "|advert|adslot|ad-slot|ad-container|adwrapper|ad-wrapper|dfp|googlead|popup|modal"
              + "|sidebar|widget|footer|navbar|navigation|skip-link|skiplink|jump-link|toolbar"
              + "|author-?bio|authorbox|author-box|about-?the-?author|tag-?list|tags|topics|keywords"
              + "|print-?only|screen-?reader|sr-only|visually-?hidden|login|rating|masthead"
              + "|subnav|submenu|offcanvas|off-canvas|nav-|-nav|menu|banner|newsletter",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATIVE_TOKEN =
      Pattern.compile(
          "(?:^|[\\s_-])(ad|ads|nav|bio|tag|meta|aside|extra|byline|dateline|credits?|caption"
              + "|hidden|hide|noprint|legal|copyright|header|timestamp|date|time|author)(?:$|[\\s_-])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern POSITIVE =
      Pattern.compile(
          "article|body|content|entry|main|post|story|text|blog|news|hentry|prose|copy|page-?content",
          Pattern.CASE_INSENSITIVE);

  private static final String[] PARTS = {
    "read",
    "more",
    "stories",
    "about",
    "the",
    "author",
    "ad",
    "ads",
    "AD",
    "Nav",
    "nav",
    "bar",
    "header",
    "HEADER",
    "credit",
    "credits",
    "page",
    "content",
    "main",
    "tag",
    "list",
    "Tags",
    "sign",
    "up",
    "share",
    "x",
    "col",
    "md",
    "6",
    "wrapper",
    "slot",
    "visually",
    "hidden",
    "print",
    "only",
    "sr",
    "bio",
    "date",
    "time",
    "stamp",
    "screen",
    "reader",
    "K\u212a",
    "\u0130d"
  };
  private static final String[] SEPARATORS = {"", "", "-", "_", " ", "\t", "--", "."};

  @Test
  void namesAreReadAsTheRegularExpressionsReadThem() {
    Random random = new Random(11);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + random.nextInt(5);
      for (int p = 0; p < parts; p++) {
        if (p > 0 || random.nextInt(4) == 0) {
          b.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        b.append(PARTS[random.nextInt(PARTS.length)]);
      }
      if (random.nextInt(4) == 0) {
        b.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      }
      String names = b.toString();
      assertThat(Boilerplate.hardNegative(names))
          .as("hard negative: %s", names)
          .isEqualTo(HARD_NEGATIVE.matcher(names).find());
      assertThat(Boilerplate.softNegative(names))
          .as("soft negative: %s", names)
          .isEqualTo(NEGATIVE_TOKEN.matcher(names).find());
      assertThat(Boilerplate.positive(names))
          .as("positive: %s", names)
          .isEqualTo(POSITIVE.matcher(names).find());
    }
  }

  @Test
  void shortWordsCountOnlyAsWholeTokens() {
    assertThat(Boilerplate.softNegative("ad-unit")).isTrue();
    assertThat(Boilerplate.softNegative("Header")).isTrue();
    assertThat(Boilerplate.softNegative("loaded")).isFalse();
    assertThat(Boilerplate.hardNegative("ArticleSideBar")).isTrue();
    assertThat(Boilerplate.positive("entry-CONTENT")).isTrue();
    assertThat(Boilerplate.hardNegative("")).isFalse();
  }
}
