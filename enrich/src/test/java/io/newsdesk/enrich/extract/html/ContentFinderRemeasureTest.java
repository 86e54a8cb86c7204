package io.newsdesk.enrich.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After pruning, the finder measures again only the ancestors of what it pruned: it must choose
 * what a finder measuring the pruned page from scratch chooses.
 */
class ContentFinderRemeasureTest {

  private static final String PARAGRAPHS =
      "<p>The council voted on Tuesday, after a long debate, to rebuild the old bridge by 2027.</p>"
          + "<p>Engineers said the work, which starts in spring, will close the road for months.</p>"
          + "<p>Residents, shop owners and commuters asked for a ferry while the bridge is shut.</p>";

  private static final String LINKS =
      "<a href=/1>First other story of the day with a long title</a>"
          + "<a href=/2>Second other story of the day with a long title</a>"
          + "<a href=/3>Third other story of the day with a long title</a>";

  @ParameterizedTest
  @ValueSource(
      strings = {
        // A link list inside the article: stale link counts would sink the article's score.
        "<div class=story>"
            + PARAGRAPHS
            + "<div class=related><p>"
            + LINKS
            + "</p></div></div>"
            + "<div class=teaser><p>A shorter text, with a comma, that competes.</p></div>",
        // Chrome beside the article: its parent's paragraph text shrinks.
        "<header><p>"
            + LINKS
            + "</p></header><main><article>"
            + PARAGRAPHS
            + "</article></main>"
            + "<footer><p>Contact, imprint, privacy.</p></footer>",
        // Pruning a block leaves loose text: the div becomes a paragraph of its own.
        "<div class=body>Loose text of the article, long enough, with commas, to count as such."
            + "<div class=share-tools><p>Share, tweet, mail</p></div></div><div>"
            + PARAGRAPHS
            + "</div>",
        // Chunks of one article split by an advert container.
        "<div class='post__content'>"
            + PARAGRAPHS
            + "</div><div class=advert><p>"
            + LINKS
            + "</p></div><div class='post__content dropcap'>"
            + PARAGRAPHS
            + "</div>",
        // Nothing to prune.
        "<div>" + PARAGRAPHS + "</div>"
      })
  void choosesWhatAFreshMeasureOfThePrunedPageChooses(String bodyHtml) {
    Document doc = Jsoup.parse("<html><body>" + bodyHtml + "</body></html>");
    ContentFinder finder = new ContentFinder(doc.body(), new Removals());
    finder.prune();
    Document pruned = doc.clone();

    List<String> chosen = outer(finder.select());
    List<String> recall = outer(finder.allParagraphs());

    ContentFinder fresh = new ContentFinder(pruned.body(), new Removals());
    assertThat(chosen).isEqualTo(outer(fresh.select()));
    assertThat(recall).isEqualTo(outer(fresh.allParagraphs()));
  }

  @Test
  void pruneRemovesCommentsOutsideNeverContentElements() {
    Document doc =
        Jsoup.parse(
            "<html><body><!-- top --><div><!-- in div --><p>Text<!-- in p --> goes on.</p>"
                + "<script><!-- in script --></script></div><div hidden><!-- hidden --></div>"
                + "</body></html>");
    new ContentFinder(doc.body(), new Removals()).prune();
    assertThat(comments(doc.body())).isEmpty();
    assertThat(doc.body().text()).isEqualTo("Text goes on.");
  }

  @Test
  void allElementsListsTheElementsInDocumentOrderAsJsoupDoes() {
    Document doc =
        Jsoup.parse(
            "<html><body><div id=a>x<p id=b>y<b id=c>z</b></p><!-- c --><ul id=d><li id=e>1"
                + "<li id=f>2</ul></div><p id=g>end</p></body></html>");
    assertThat(ContentFinder.allElements(doc.body()))
        .containsExactlyElementsOf(doc.body().getAllElements());
  }

  private static List<String> outer(List<Element> elements) {
    List<String> out = new ArrayList<>();
    for (Element e : elements) {
      out.add(e.outerHtml());
    }
    return out;
  }

  private static List<Comment> comments(Node n) {
    List<Comment> out = new ArrayList<>();
    for (Node c : n.childNodes()) {
      if (c instanceof Comment comment) {
        out.add(comment);
      }
      out.addAll(comments(c));
    }
    return out;
  }
}
