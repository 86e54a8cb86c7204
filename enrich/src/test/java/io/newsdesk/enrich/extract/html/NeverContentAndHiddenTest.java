package io.newsdesk.enrich.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-walk removal of never-content and hidden elements leaves the page as the two CSS queries
 * it replaced did (kept here as the reference), however the two kinds nest.
 */
class NeverContentAndHiddenTest {

  private static final String NEVER_QUERY =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, video, audio, map,"
          + " button, input, select, textarea, option, label, link, meta, dialog";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>Plain text with <b>bold</b> and <a href=/x>a link</a>.</p><script>var x;</script>",
        "<div hidden><p>gone</p><script>x</script></div><p>kept</p>",
        "<noscript><div style='display:none'><p>in noscript</p></div></noscript><p>kept</p>",
        "<div style='DISPLAY: None'><p>gone</p></div><div style='color:red'><p>kept</p></div>",
        "<div style='visibility : hidden'>gone</div><span style=''>kept</span>",
        "<div aria-hidden=true><span>icon</span></div><div aria-hidden=true><p>kept</p></div>",
        "<div aria-hidden=TRUE><span>icon</span></div><div aria-hidden=' true '>x</div>",
        "<div ARIA-HIDDEN=true>upper-case name</div><div HIDDEN>gone</div><p>kept</p>",
        "<div aria-hidden=true><noscript><p>only p is in never-content</p></noscript></div>",
        "<object><embed src=a><p>fallback</p></object><svg><style>s</style><g>t</g></svg><p>k</p>",
        "<form><label>Name</label><input name=q><button>Go</button><select><option>a</select></form>",
        "<div hidden><div hidden><p>nested hidden</p></div></div><template><p>t</p></template>",
        "<math><mi>x</mi></math><dialog open><p>d</p></dialog><p style='display:none'>gone</p>"
      })
  void leavesThePageAsTheQueriesDid(String bodyHtml) {
    Document expected = Jsoup.parse("<html><body>" + bodyHtml + "</body></html>");
    Document actual = expected.clone();
    reference(expected.body());
    new ContentFinder(actual.body(), new Removals()).removeNeverContentAndHidden();
    assertThat(actual.body().outerHtml()).isEqualTo(expected.body().outerHtml());
  }

  /** The two queries as they were, with the finder's judgement of hidden elements. */
  private static void reference(Element body) {
    body.select(NEVER_QUERY).remove();
    // The judgement of each marked element is the finder's own; what differs is how they are found.
    ContentFinder.removeHidden(body.select("[hidden], [style], [aria-hidden=true]"));
  }
}
