package io.newsdesk.ingest.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleDocumentsTest {

  private static byte[] body(RawDocument d) {
    ByteBuffer b = d.getBody().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static RawDocument html(byte[] bytes, String charset) throws Exception {
    return ArticleDocuments.parse(
            bytes, "text/html", charset, "folder", "file:///in/a.html", Arrival.FILE, 1L)
        .get(0);
  }

  @Test
  void wellFormedUtf8PageKeepsItsBytes() throws Exception {
    byte[] page =
        "\uFEFF<p>Caf\u00e9 \u65e5\u672c \ud83d\udcf0</p>\u2028".getBytes(StandardCharsets.UTF_8);
    assertThat(body(html(page, null))).isEqualTo(page);
    assertThat(body(html(page, "utf-8"))).isEqualTo(page);
  }

  @Test
  void malformedUtf8IsReplacedAsTheDecoderDoes() throws Exception {
    byte[] page = {'<', 'p', '>', (byte) 0xC0, (byte) 0x80, 'x', (byte) 0xE2, (byte) 0x82};
    assertThat(body(html(page, null)))
        .isEqualTo(new String(page, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))
        .isNotEqualTo(page);
  }

  @Test
  void otherCharsetsAreReencodedAsUtf8() throws Exception {
    byte[] latin1 = "<p>Cr\u00e8me</p>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new String(body(html(latin1, "ISO-8859-1")), StandardCharsets.UTF_8))
        .isEqualTo("<p>Cr\u00e8me</p>");
  }

  @Test
  void bodyOfOnlyWhitespaceIsRejected() {
    byte[] blank = " \t\r\n\u001c\u3000\u2003".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> html(blank, null))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("body has no text");
  }

  @Test
  void bodyOfNonAsciiTextIsNotBlank() throws Exception {
    byte[] text = "\u65e5\u672c".getBytes(StandardCharsets.UTF_8);
    assertThat(body(html(text, null))).isEqualTo(text);
  }
}
