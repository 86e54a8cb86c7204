package io.newsdesk.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

  @Test
  void byteOrderMarkWinsOverTheHeader() {
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'a', '>'};
    assertThat(Charsets.detect(body, "text/xml; charset=iso-8859-1")).isEqualTo("UTF-8");
  }

  @Test
  void headerThenXmlDeclarationThenMeta() {
    byte[] xml =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>".getBytes(StandardCharsets.US_ASCII);
    assertThat(Charsets.detect(xml, "application/xml; charset=\"utf-8\"")).isEqualTo("UTF-8");
    assertThat(Charsets.detect(xml, "application/xml")).isEqualTo("ISO-8859-1");
    byte[] html =
        "<html><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(Charsets.detect(html, null)).isEqualTo("Shift_JIS");
    assertThat(Charsets.detect("<p>x</p>".getBytes(StandardCharsets.US_ASCII), null)).isNull();
  }

  @Test
  void mimeTypeDropsParameters() {
    assertThat(Charsets.mimeType("Text/HTML; charset=utf-8")).isEqualTo("text/html");
    assertThat(Charsets.mimeType(null)).isNull();
  }

  @Test
  void aUtf16HeaderOverLatin1BytesGivesWayToTheMarkup() {
    byte[] latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Cr\u00e8me</title></rss>"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    org.assertj.core.api.Assertions.assertThat(
            Charsets.detect(latin1, "application/rss+xml; charset=utf-16"))
        .isEqualTo("ISO-8859-1");
    byte[] utf16 =
        "<rss><title>x</title></rss>".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    org.assertj.core.api.Assertions.assertThat(Charsets.detect(utf16, "text/xml; charset=utf-16le"))
        .isEqualTo("UTF-16LE");
  }
}
