package io.newsdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte loop that checks UTF-8 agrees with the JDK's strict decoder. */
class Utf8BytesTest {

  private static boolean jdkSays(byte[] b) {
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

  @Test
  void textInEveryScriptIsValidAndItsCutOrLatin1FormsAreNot() {
    String text = "Caf\u00e9 \u0928\u092e\u0938\u094d\u0924\u0947 \u4e2d\u6587 \ud83d\ude00 plain";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8Bytes.isWellFormed(utf8, 0, utf8.length)).isTrue();
    byte[] latin1 = "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Utf8Bytes.isWellFormed(latin1, 0, latin1.length)).isFalse();
    // The emoji's four bytes cut after two.
    int cut = text.substring(0, text.indexOf('\ud83d')).getBytes(StandardCharsets.UTF_8).length + 2;
    assertThat(Utf8Bytes.isWellFormed(utf8, 0, cut)).isFalse();
  }

  @Test
  void overlongFormsSurrogatesAndCodePointsAboveTheRangeAreRefused() {
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // U+D800
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80}
    };
    for (byte[] b : bad) {
      assertThat(Utf8Bytes.isWellFormed(b, 0, b.length)).isFalse();
      assertThat(jdkSays(b)).isFalse();
    }
  }

  @Test
  void agreesWithTheJdkDecoderOnRandomBytesBiasedTowardsUtf8() {
    Random random = new Random(7);
    int[] leads = {0x41, 0x80, 0xBF, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    int[] tails = {0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[1 + random.nextInt(8)];
      for (int i = 0; i < b.length; i++) {
        int[] from = i == 0 || random.nextInt(3) == 0 ? leads : tails;
        b[i] = (byte) from[random.nextInt(from.length)];
      }
      assertThat(Utf8Bytes.isWellFormed(b, 0, b.length))
          .as("bytes %s", java.util.HexFormat.of().formatHex(b))
          .isEqualTo(jdkSays(b));
    }
  }

  @Test
  void agreesWithTheJdkDecoderOnShortRunsAroundTheLeadAndContinuationRanges() {
    Random random = new Random(14);
    for (int round = 0; round < 200_000; round++) {
      byte[] b = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
      }
      assertThat(Utf8Bytes.isWellFormed(b, 0, b.length))
          .as("bytes %s", java.util.HexFormat.of().formatHex(b))
          .isEqualTo(jdkSays(b));
    }
  }

  @Test
  void anEmptyRangeIsWellFormedAndOnlyTheRangeIsRead() {
    byte[] b = {(byte) 0xFF, 'a', 'b', (byte) 0xFF};
    assertThat(Utf8Bytes.isWellFormed(new byte[0], 0, 0)).isTrue();
    assertThat(Utf8Bytes.isWellFormed(b, 1, 3)).isTrue();
    assertThat(Utf8Bytes.isWellFormed(b, 0, 3)).isFalse();
  }
}
