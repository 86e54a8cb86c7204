package io.newsdesk.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Tags CoNLL column files: each token line is written back with the predicted IOB2 tag appended as
 * its last column; blank lines and {@code -DOCSTART-} lines are kept (the latter tagged O).
 */
public final class ConllTagging {

  private ConllTagging() {}

  /** Reads CoNLL from {@code in}, tags it document by document, writes to {@code out}. */
  public static void tag(EntityRecognizer recognizer, BufferedReader in, Writer out)
      throws IOException {
    List<ConllCorpus.Document> docs = ConllCorpus.read(in);
    for (ConllCorpus.Document d : docs) {
      if (d.docstart() != null) {
        out.write(d.docstart());
        out.write(" O\n\n");
      }
      if (d.sentences().isEmpty()) {
        continue;
      }
      List<String[]> tags = recognizer.tagDocument(d.words());
      for (int s = 0; s < tags.size(); s++) {
        List<String> lines = d.sentences().get(s).lines();
        String[] t = tags.get(s);
        for (int i = 0; i < t.length; i++) {
          out.write(lines.get(i));
          out.write(' ');
          out.write(t[i]);
          out.write('\n');
        }
        out.write('\n');
      }
    }
    out.flush();
  }
}
