package io.newsdesk.enrich.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Turns a DOM subtree into blocks of plain text: paragraphs, headings, list items. */
final class TextRenderer {

  static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "blockquote",
          "pre",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "figure",
          "figcaption",
          "header",
          "footer",
          "address",
          "hr",
          "center",
          "form",
          "fieldset",
          "details",
          "summary",
          "caption",
          "body",
          "nav",
          "aside");

  /** One rendered block. */
  record Block(String text, String tag, boolean heading, int linkChars) {
    double linkDensity() {
      return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }
  }

  private static final Pattern SPACES_AROUND_NEWLINE = Pattern.compile(" *\n *");

  private final List<Block> blocks = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private final boolean keepCaptions;
  private int linkChars;
  private int linkDepth;
  private int preDepth;
  private String blockTag = "p";
  private boolean heading;

  private TextRenderer(boolean keepCaptions) {
    this.keepCaptions = keepCaptions;
  }

  /** Renders the elements in order into blocks. */
  static List<Block> render(List<Element> roots, boolean keepCaptions) {
    TextRenderer r = new TextRenderer(keepCaptions);
    for (Element root : roots) {
      r.node(root);
      r.flush();
    }
    return r.blocks;
  }

  private void node(Node n) {
    if (n instanceof TextNode t) {
      text(t.getWholeText());
      return;
    }
    if (!(n instanceof Element e)) {
      return;
    }
    String tag = e.normalName();
    if (tag.equals("br")) {
      newline();
      return;
    }
    if (!keepCaptions && (tag.equals("figcaption") || tag.equals("caption"))) {
      return;
    }
    boolean block = BLOCK_TAGS.contains(tag);
    if (block) {
      flush();
      blockTag = tag;
      heading = tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
    }
    boolean link = tag.equals("a");
    boolean pre = tag.equals("pre");
    if (link) {
      linkDepth++;
    }
    if (pre) {
      preDepth++;
    }
    for (int i = 0, count = e.childNodeSize(); i < count; i++) {
      node(e.childNode(i));
    }
    if (link) {
      linkDepth--;
    }
    if (pre) {
      preDepth--;
    }
    if (block) {
      flush();
    } else if (tag.equals("td") || tag.equals("th")) {
      text(" ");
    }
  }

  private void text(String s) {
    int before = current.length();
    if (preDepth > 0) {
      current.append(s);
    } else {
      int length = s.length();
      for (int i = 0; i < length; i++) {
        char c = s.charAt(i);
        if (c > ' ' && c < 0x80) {
          // Printable ASCII, most of the text, never a space: appended a run at a time.
          int end = i + 1;
          while (end < length && s.charAt(end) > ' ' && s.charAt(end) < 0x80) {
            end++;
          }
          current.append(s, i, end);
          i = end - 1;
        } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
          if (current.length() > 0 && !endsWithSpace()) {
            current.append(' ');
          }
        } else {
          current.append(c);
        }
      }
    }
    if (linkDepth > 0) {
      linkChars += current.length() - before;
    }
  }

  private boolean endsWithSpace() {
    char last = current.charAt(current.length() - 1);
    return last == ' ' || last == '\n';
  }

  private void newline() {
    // Drop the trailing space before a line break so lines stay trimmed.
    while (current.length() > 0 && current.charAt(current.length() - 1) == ' ') {
      current.setLength(current.length() - 1);
    }
    if (current.length() > 0 && current.charAt(current.length() - 1) != '\n') {
      current.append('\n');
    }
  }

  private void flush() {
    String text = current.toString().strip();
    if (preDepth == 0 && text.indexOf('\n') >= 0) {
      text = SPACES_AROUND_NEWLINE.matcher(text).replaceAll("\n");
    }
    if (!text.isEmpty()) {
      blocks.add(new Block(text, blockTag, heading, Math.min(linkChars, text.length())));
    }
    current.setLength(0);
    linkChars = 0;
    heading = false;
    blockTag = "p";
  }
}
