package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConllTaggingTest {

  @Test
  void appendsThePredictedTagAndKeepsDocumentMarkers() throws Exception {
    String in =
        "-DOCSTART- -X- O O\n\nBlinken NNP I-NP I-PER\nvisited VBD I-VP O\nBaghdad NNP I-NP I-LOC\n\n"
            + "-DOCSTART- -X- O O\n\nHe PRP I-NP O\nleft VBD I-VP O\n\n";
    EntityRecognizer r = new DictionaryRecognizer(Map.of("Blinken", "PER", "Baghdad", "LOC"));
    StringWriter out = new StringWriter();
    ConllTagging.tag(r, new BufferedReader(new StringReader(in)), out);
    assertThat(out.toString())
        .isEqualTo(
            "-DOCSTART- -X- O O O\n\nBlinken NNP I-NP I-PER B-PER\nvisited VBD I-VP O O\n"
                + "Baghdad NNP I-NP I-LOC B-LOC\n\n-DOCSTART- -X- O O O\n\nHe PRP I-NP O O\n"
                + "left VBD I-VP O O\n\n");
  }
}
