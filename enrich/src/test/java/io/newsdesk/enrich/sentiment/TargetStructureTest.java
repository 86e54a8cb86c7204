package io.newsdesk.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetStructureTest {

  /** The structure of the first occurrence of {@code target} in {@code sentence}. */
  private static TargetStructure of(String sentence, String target, String... others) {
    Tokens t = Tokens.of(sentence);
    Lexicon lex = Lexicon.defaults();
    float[] base = new float[t.size];
    float[] adj = new float[t.size];
    Valences.score(lex, t, 0, t.size, base, adj);
    MentionRoles roles = new MentionRoles(t);
    int from = sentence.indexOf(target);
    int[] spans = {from, from + target.length()};
    roles.mark(spans[0], spans[1], 0);
    for (int k = 0; k < others.length; k++) {
      int o = sentence.indexOf(others[k]);
      roles.mark(o, o + others[k].length(), k + 1);
    }
    roles.window(0, t.size, 0, spans);
    TargetStructure st = new TargetStructure();
    st.fill(lex, WordVectors.standard(), t, roles, adj);
    return st;
  }

  private static String clause(String sentence, String target) {
    Tokens t = Tokens.of(sentence);
    TargetStructure st = of(sentence, target);
    return sentence.substring(t.start[st.clauseStart], t.end[st.clauseEnd - 1]);
  }

  @Test
  void clauseEndsAtPunctuationAndConjunctions() {
    String s = "The minister resigned on Monday, but Lopez welcomed the decision warmly.";
    assertThat(clause(s, "Lopez")).isEqualTo("Lopez welcomed the decision warmly");
    assertThat(clause("Because Ames lost the vote, the party split.", "Ames"))
        .isEqualTo("Ames lost the vote");
  }

  @Test
  void targetThatAttacksIsTheAgentOfANegativeVerb() {
    // "blasted" is outside the lexicon: its sign comes from the polarity extended through GloVe.
    TargetStructure st = of("Warren blasted the bank over its fees.", "Warren");
    assertThat(st.agentOf).isEqualTo(-1);
    assertThat(st.patientOf).isZero();
  }

  @Test
  void aReportingVerbWithAValenceMarksTheSpeaker() {
    // "slammed" both reports and attacks: the target is the one who speaks.
    TargetStructure st = of("Warren slammed the bank over its fees.", "Warren");
    assertThat(st.speaker).isTrue();
    assertThat(st.patientOf).isZero();
  }

  @Test
  void targetThatIsAttackedIsThePatient() {
    TargetStructure st = of("The senator blasted Warren over her plan.", "Warren", "senator");
    assertThat(st.patientOf).isEqualTo(-1);
    assertThat(st.agentOf).isZero();
  }

  @Test
  void passiveMakesTheSubjectThePatientAndTheByPhraseTheAgent() {
    String s = "Okafor was praised by Lindqvist for the rescue.";
    assertThat(of(s, "Okafor", "Lindqvist").patientOf).isEqualTo(1);
    assertThat(of(s, "Okafor", "Lindqvist").agentOf).isZero();
    assertThat(of(s, "Lindqvist", "Okafor").agentOf).isEqualTo(1);
  }

  @Test
  void accusedOfMarksTheAccusedNotTheAccuser() {
    assertThat(of("Brandt, accused of bribery, left the court.", "Brandt").accused).isTrue();
    assertThat(of("Brandt was charged with fraud on Friday.", "Brandt").accused).isTrue();
    assertThat(of("Prosecutors accused Brandt of fraud.", "Brandt", "Prosecutors").accused)
        .isTrue();
    TargetStructure accuser = of("Brandt accused the mayor of lying.", "Brandt");
    assertThat(accuser.accused).isFalse();
    assertThat(accuser.accuser).isTrue();
  }

  @Test
  void speakerOfAQuoteIsTheSpeakerAndItsSubjectIsQuoted() {
    String s = "\"Halvorsen has failed this city,\" Moreau said.";
    assertThat(of(s, "Moreau", "Halvorsen").speaker).isTrue();
    assertThat(of(s, "Moreau", "Halvorsen").quoted).isFalse();
    assertThat(of(s, "Halvorsen", "Moreau").quoted).isTrue();
    assertThat(of(s, "Halvorsen", "Moreau").speaker).isFalse();
    assertThat(of("According to Moreau, the plan works.", "Moreau").speaker).isTrue();
  }

  @Test
  void negationInTheClauseIsSeen() {
    assertThat(of("Nakamura did not win the support she hoped for.", "Nakamura").negated).isTrue();
    assertThat(of("Nakamura won the support she hoped for.", "Nakamura").negated).isFalse();
  }

  @Test
  void contrastPositionIsSeen() {
    String s = "The plan looked good, but Ferreira wrecked it.";
    assertThat(of(s, "Ferreira").contrast).isEqualTo(TargetStructure.AFTER_CONTRAST);
    assertThat(of("Ferreira tried hard, but the plan failed.", "Ferreira").contrast)
        .isEqualTo(TargetStructure.BEFORE_CONTRAST);
    assertThat(of("Despite Ferreira's efforts, the plan failed.", "Ferreira").contrast)
        .isEqualTo(TargetStructure.CONCEDED);
  }

  @Test
  void clauseToneLeavesOutOtherClauses() {
    String s = "Tanaka built a wonderful school, while the council wasted millions.";
    assertThat(of(s, "Tanaka").clauseTone).isPositive();
  }
}
