package io.newsdesk.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharsetsTest {

  private static boolean jdkDecodesWithoutReplacing(byte[] b) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void wellFormedUtf8AcceptsEveryScriptAndRejectsWhatTheDecoderWouldReplace() {
    assertThat(
            Charsets.isWellFormedUtf8(
                "na\u00efve \u65e5\u672c\u8a9e \ud83d\udcf0 \u0627\u0644\u062e\u0628\u0631"
                    .getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(Charsets.isWellFormedUtf8(new byte[0])).isTrue();
    assertThat(Charsets.isWellFormedUtf8(bytes(0xC0, 0x80))).as("overlong NUL").isFalse();
    assertThat(Charsets.isWellFormedUtf8(bytes(0xE0, 0x9F, 0xBF))).as("overlong").isFalse();
    assertThat(Charsets.isWellFormedUtf8(bytes(0xED, 0xA0, 0x80))).as("surrogate").isFalse();
    assertThat(Charsets.isWellFormedUtf8(bytes(0xF4, 0x90, 0x80, 0x80))).as(">10FFFF").isFalse();
    assertThat(Charsets.isWellFormedUtf8(bytes('a', 0xE2, 0x82))).as("cut off").isFalse();
    assertThat(Charsets.isWellFormedUtf8(bytes('a', 0x80))).as("lone continuation").isFalse();
    assertThat(Charsets.isWellFormedUtf8(bytes(0xF5, 0x80, 0x80, 0x80))).isFalse();
    assertThat(Charsets.isWellFormedUtf8(bytes(0xE2, 0x28, 0xA1))).isFalse();
  }

  @Test
  void wellFormedUtf8AgreesWithTheJdkDecoderOnRandomBytes() {
    Random random = new Random(14);
    for (int round = 0; round < 200_000; round++) {
      byte[] b = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < b.length; i++) {
        // Mostly bytes at and around the lead and continuation ranges, where the rules are.
        b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
      }
      assertThat(Charsets.isWellFormedUtf8(b))
          .as("bytes %s", java.util.HexFormat.of().formatHex(b))
          .isEqualTo(jdkDecodesWithoutReplacing(b));
    }
  }

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
