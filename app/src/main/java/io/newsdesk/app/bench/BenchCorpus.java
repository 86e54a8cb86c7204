package io.newsdesk.app.bench;

import io.newsdesk.app.demo.DemoSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates benchmark documents from the demo's article pages: each page is varied (a unique lead
 * paragraph, paragraphs reordered) so that texts differ, and every tenth document is an exact copy
 * of the one before, as wire copies are. Seeded: the same N gives the same corpus.
 */
public final class BenchCorpus {

  private static final List<String> PAGES =
      List.of(
          "site/articles/fm-interview.html",
          "site/articles/blinken-call.html",
          "site/articles/sudani-coalition.html",
          "site/articles/oil-markets.html",
          "site/articles/wire-copy.html");

  private BenchCorpus() {}

  /** {@code n} HTML documents. */
  public static List<String> generate(int n, long seed) {
    List<String> templates = PAGES.stream().map(DemoSite::resource).toList();
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (i % 10 == 9) {
        out.add(out.get(i - 1));
        continue;
      }
      String page = templates.get(i % templates.size());
      out.add(vary(page, i, random));
    }
    return out;
  }

  private static String vary(String page, int i, Random random) {
    int first = page.indexOf("<p>");
    int last = page.lastIndexOf("</p>");
    if (first < 0 || last < 0) {
      return page;
    }
    String body = page.substring(first, last + 4);
    List<String> paragraphs = new ArrayList<>(List.of(body.split("(?<=</p>)\\s*")));
    for (int k = paragraphs.size() - 1; k > 1; k--) {
      int j = 1 + random.nextInt(k);
      String t = paragraphs.get(k);
      paragraphs.set(k, paragraphs.get(j));
      paragraphs.set(j, t);
    }
    String lead =
        "<p>Bulletin "
            + (i + 1)
            + ": correspondents in Baghdad, Erbil and Washington filed this report at "
            + String.format("%02d:%02d", random.nextInt(24), random.nextInt(60))
            + " after officials briefed reporters on the talks.</p>";
    String varied =
        page.substring(0, first) + lead + String.join("\n", paragraphs) + page.substring(last + 4);
    // Each variant is its own article: a shared rel=canonical would make them URL duplicates.
    return varied.replace("rel=\"canonical\" href=\"", "rel=\"canonical\" href=\"/bench/" + i);
  }
}
