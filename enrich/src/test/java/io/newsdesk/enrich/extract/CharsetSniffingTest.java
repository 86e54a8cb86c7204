package io.newsdesk.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSniffingTest {
  private static final String FRENCH =
      "<p>Cr\u00e8me br\u00fbl\u00e9e \u00e0 la fran\u00e7aise, d\u00e9j\u00e0 servie.</p>";

  @Test
  void aPageDeclaringUtf16ButWrittenInLatin1IsReadAsWindows1252() throws Exception {
    byte[] latin1 = FRENCH.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CharsetDecoding.decode(latin1, "UTF-16", true)).isEqualTo(FRENCH);
  }

  @Test
  void aPageDeclaringUtf8ButWrittenInLatin1IsNotMojibake() throws Exception {
    byte[] latin1 = FRENCH.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CharsetDecoding.decode(latin1, "utf-8", true)).isEqualTo(FRENCH);
  }

  @Test
  void aPageLabelledLatin1ButWrittenInUtf8IsReadAsUtf8() throws Exception {
    byte[] utf8 = FRENCH.getBytes(StandardCharsets.UTF_8);
    assertThat(CharsetDecoding.decode(utf8, "iso-8859-1", true)).isEqualTo(FRENCH);
  }

  @Test
  void utf16WithoutByteOrderMarkIsRecognisedByItsNulPattern() throws Exception {
    assertThat(CharsetDecoding.decode(FRENCH.getBytes(StandardCharsets.UTF_16LE), null, true))
        .isEqualTo(FRENCH);
    assertThat(CharsetDecoding.decode(FRENCH.getBytes(StandardCharsets.UTF_16BE), "utf-8", true))
        .isEqualTo(FRENCH);
  }

  @Test
  void aUtf8PageThatWritesTheReplacementCharacterItselfStaysUtf8() throws Exception {
    // U+FFFD in the decoded text is also what malformed bytes give: the bytes decide.
    String page = FRENCH + "<p>Unreadable: \ufffd, kept as written.</p>";
    byte[] utf8 = page.getBytes(StandardCharsets.UTF_8);
    assertThat(CharsetDecoding.decode(utf8, "utf-8", true)).isEqualTo(page);
    assertThat(CharsetDecoding.decode(utf8, null, true)).isEqualTo(page);
    assertThat(CharsetDecoding.decode(utf8, "iso-8859-1", true)).isEqualTo(page);
  }

  @Test
  void oneMalformedSequenceAfterValidUtf8MakesThePageWindows1252() throws Exception {
    byte[] utf8 = FRENCH.getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(utf8, utf8.length + 1);
    broken[utf8.length] = (byte) 0xE9; // a lone Latin-1 "é" at the end
    String expected = new String(broken, Charset.forName("windows-1252"));
    assertThat(CharsetDecoding.decode(broken, "utf-8", true)).isEqualTo(expected);
    assertThat(CharsetDecoding.decode(broken, null, true)).isEqualTo(expected);
  }

  @Test
  void aCorrectDeclarationIsKept() throws Exception {
    Charset koi8 = Charset.forName("KOI8-R");
    String russian = "<p>\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440</p>";
    assertThat(CharsetDecoding.decode(russian.getBytes(koi8), "koi8-r", true)).isEqualTo(russian);
  }

  @Test
  void strayNulBytesAreDroppedNotFatal() throws Exception {
    byte[] b = "<p>One\0 stray NUL and\0 another.</p>".getBytes(StandardCharsets.US_ASCII);
    assertThat(CharsetDecoding.decode(b, "utf-8", true))
        .isEqualTo("<p>One stray NUL and another.</p>");
  }

  @Test
  void realBinaryIsStillRefused() {
    byte[] png = new byte[4096];
    new java.util.Random(7).nextBytes(png);
    assertThatThrownBy(() -> CharsetDecoding.decode(png, null, true))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("binary");
  }
}
