package io.newsdesk.sentiment.precise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPieceTest {

  static final WordPiece TOKENIZER = WordPiece.resource(OnnxSentimentModel.TOKENIZER);

  @Test
  void splits_punctuation_lowercases_strips_accents_and_keeps_word_offsets() {
    WordPiece.Pieces p = TOKENIZER.pieces("Café owners, unhappy!");
    assertThat(p.ids()[0]).isEqualTo(TOKENIZER.id("cafe"));
    assertThat(p.ids()[1]).isEqualTo(TOKENIZER.id("owners"));
    assertThat(p.ids()[2]).isEqualTo(TOKENIZER.id(","));
    assertThat(p.from()[1]).isEqualTo(5);
    assertThat(p.to()[1]).isEqualTo(11);
    assertThat(p.ids()[p.size() - 1]).isEqualTo(TOKENIZER.id("!"));
  }

  @Test
  void unknown_words_become_pieces_that_continue_the_word() {
    WordPiece.Pieces p = TOKENIZER.pieces("Zyqorblat");
    assertThat(p.size()).isGreaterThan(1);
    for (int i = 0; i < p.size(); i++) {
      assertThat(p.from()[i]).isZero();
      assertThat(p.to()[i]).isEqualTo(9);
    }
  }

  @Test
  void the_input_pairs_the_sentence_with_the_target_and_marks_its_pieces() {
    String s = "Analysts doubt that Norvik can repay its debts.";
    TargetInput in = TargetInput.of(TOKENIZER, s, new int[] {20, 26});
    assertThat(in.ids()[0]).isEqualTo(WordPiece.CLS);
    assertThat(in.ids()[in.length() - 1]).isEqualTo(WordPiece.SEP);
    int marked = 0;
    for (int i = 0; i < in.length(); i++) {
      marked += in.target()[i] ? 1 : 0;
      if (in.target()[i]) {
        assertThat(in.types()[i]).isZero();
      }
    }
    assertThat(marked).isPositive();
    assertThat(in.types()[in.length() - 1]).isEqualTo(1);
  }

  @Test
  void long_sentences_are_cut_to_a_window_around_the_target() {
    String s = "word ".repeat(200) + "Norvik failed. " + "word ".repeat(200);
    int from = s.indexOf("Norvik");
    TargetInput in = TargetInput.of(TOKENIZER, s, new int[] {from, from + 6});
    assertThat(in.length()).isLessThanOrEqualTo(TargetInput.MAX_PIECES);
    boolean any = false;
    for (boolean b : in.target()) {
      any |= b;
    }
    assertThat(any).as("the target stays inside the window").isTrue();
  }
}
