package io.newsdesk.enrich;

import java.util.List;

/**
 * Fixture articles written for these tests in the image of five outlets covering one developing
 * story (Iraq's foreign minister, the prime minister, the US troop withdrawal), plus unrelated
 * ones. Bodies are "title, newline, text", as {@link TestComponents} reads them.
 */
public final class StoryFixtures {

  private StoryFixtures() {}

  /** The wire report the others follow. */
  public static final String WIRE_TITLE = "Iraq says talks on US troop exit to resume next month";

  public static final List<String> WIRE_PARAGRAPHS =
      List.of(
          "BAGHDAD, March 4 - Iraq and the United States will resume talks next month on a"
              + " timetable for the withdrawal of American troops, Foreign Minister Fuad Hussein"
              + " said on Monday after meeting envoys in Baghdad.",
          "The negotiations were paused in February after a drone attack on a base near the"
              + " Jordanian border killed three American soldiers and Washington answered with"
              + " strikes on militia positions in Iraq and Syria.",
          "Hussein said the government of Prime Minister Mohammed Shia al-Sudani wanted an"
              + " orderly and gradual drawdown rather than a sudden exit, and that Iraqi forces"
              + " were ready to take over the bases that coalition troops still use.",
          "About 2,500 American soldiers remain in the country under an agreement with the"
              + " government to advise and assist local forces fighting remnants of the Islamic"
              + " State group.",
          "A spokesman for the embassy in Baghdad said Washington welcomed the decision and would"
              + " send a delegation once a date had been agreed with the foreign ministry.",
          "Armed groups aligned with Iran have demanded that all foreign forces leave Iraq and"
              + " have claimed dozens of rocket and drone attacks on bases housing coalition"
              + " troops since October.");

  /** Outlet chrome: what each site wraps around the same story. */
  public static final String BOILERPLATE_A =
      "Share this article on social media. Sign up for our morning briefing and get the day's"
          + " top stories delivered to your inbox. Copyright Mesopotamia Wire, all rights"
          + " reserved.";

  public static final String BOILERPLATE_B =
      "Read more: Erbil airport reopens after security alert. Most read: Dinar steadies against"
          + " the dollar. Follow the Gulf Courier on every platform for live coverage. Comments are"
          + " closed on this article.";

  /** The wire story as its first outlet published it. */
  public static String wire() {
    return WIRE_TITLE + "\n" + String.join("\n\n", WIRE_PARAGRAPHS) + "\n\n" + BOILERPLATE_A;
  }

  /** The same wire copy on another site: other chrome, an edited title, the last paragraph cut. */
  public static String syndicated() {
    return "Baghdad and Washington to restart troop withdrawal talks, minister says\n"
        + String.join("\n\n", WIRE_PARAGRAPHS.subList(0, WIRE_PARAGRAPHS.size() - 1))
        + "\n\n"
        + BOILERPLATE_B;
  }

  /** Four more outlets on the same story in their own words. */
  public static final List<String> SAME_STORY =
      List.of(
          "Al-Sudani wants coalition drawdown done in stages\n"
              + "Prime Minister Mohammed Shia al-Sudani told a cabinet meeting in Baghdad that the"
              + " exit of American troops from Iraq should happen in stages, a day after Foreign"
              + " Minister Fuad Hussein announced that talks with Washington would resume. The"
              + " prime minister said Iraqi forces could secure the country and that the coalition"
              + " had finished its mission against the Islamic State. Washington has about 2,500"
              + " troops in Iraq.",
          "Kurdish leaders wary as Baghdad and Washington revive withdrawal talks\n"
              + "ERBIL - Officials in Erbil said they feared a security vacuum if American troops"
              + " leave Iraq too quickly, after Fuad Hussein said negotiations between Baghdad and"
              + " Washington would restart next month. Hussein, a Kurd, has said the government of"
              + " al-Sudani seeks a gradual withdrawal. Drone attacks on bases near Erbil have"
              + " alarmed residents of the Kurdistan Region.",
          "Analysis: what a US troop exit would mean for Iraq\n"
              + "The decision of Iraq to resume talks with the United States on the withdrawal of"
              + " American troops puts Prime Minister al-Sudani between Washington and armed"
              + " groups close to Iran. Foreign Minister Fuad Hussein has promised a gradual"
              + " drawdown, but militias want every foreign soldier gone from Iraq. The talks were"
              + " suspended after three American soldiers died in a drone attack.",
          "Hussein meets envoys, sets date for troop talks\n"
              + "Iraqi Foreign Minister Fuad Hussein met American and British envoys in Baghdad on"
              + " Monday and said the talks on the withdrawal of coalition troops from Iraq would"
              + " resume in April. Washington confirmed it would send a delegation. Hussein said"
              + " Prime Minister al-Sudani wanted the drawdown to be orderly.");

  /** Articles about other things. */
  public static final List<String> UNRELATED =
      List.of(
          "Oil slips as OPEC weighs output rise\n"
              + "LONDON - Brent crude fell for a third session on Tuesday as traders bet that OPEC"
              + " and its allies would raise output at their meeting in Vienna next week. Stocks of"
              + " crude in Cushing rose for the fourth week, adding to signs of ample supply, while"
              + " refiners in Asia cut their purchases ahead of seasonal maintenance.",
          "Valencia beat Sevilla in late comeback\n"
              + "VALENCIA - Valencia scored twice in the last ten minutes to beat Sevilla at"
              + " Mestalla on Sunday and climb into the top half of the table. The home side had"
              + " trailed since the first half, when Sevilla scored from a corner, before two"
              + " headers from set pieces turned the match.");
}
