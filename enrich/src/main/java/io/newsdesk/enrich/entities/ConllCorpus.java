package io.newsdesk.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL column files: one token per line with the word first, blank lines between sentences,
 * {@code -DOCSTART-} lines between documents, an optional gold tag (IOB1 or IOB2) in the last
 * column.
 */
public final class ConllCorpus {

  /** One sentence: its original lines, words and gold IOB2 tags (null when the file has none). */
  public record Sentence(List<String> lines, String[] words, String[] gold) {}

  /** A document: its {@code -DOCSTART-} line (null for text before the first) and sentences. */
  public record Document(String docstart, List<Sentence> sentences) {

    /** The words of each sentence. */
    public List<String[]> words() {
      List<String[]> out = new ArrayList<>(sentences.size());
      for (Sentence s : sentences) {
        out.add(s.words());
      }
      return out;
    }
  }

  private ConllCorpus() {}

  /** Documents of a UTF-8 CoNLL file. */
  public static List<Document> read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r);
    }
  }

  /** Documents of a CoNLL stream. */
  public static List<Document> read(BufferedReader r) throws IOException {
    List<Document> docs = new ArrayList<>();
    String docstart = null;
    List<Sentence> sentences = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("-DOCSTART-")) {
        flush(lines, sentences);
        if (docstart != null || !sentences.isEmpty()) {
          docs.add(new Document(docstart, sentences));
        }
        docstart = line;
        sentences = new ArrayList<>();
      } else if (line.isBlank()) {
        flush(lines, sentences);
      } else {
        lines.add(line);
      }
    }
    flush(lines, sentences);
    if (docstart != null || !sentences.isEmpty()) {
      docs.add(new Document(docstart, sentences));
    }
    return docs;
  }

  private static void flush(List<String> lines, List<Sentence> sentences) {
    if (lines.isEmpty()) {
      return;
    }
    int n = lines.size();
    String[] words = new String[n];
    String[] tags = new String[n];
    boolean tagged = true;
    for (int i = 0; i < n; i++) {
      String[] cols = lines.get(i).trim().split("\\s+");
      words[i] = cols[0];
      String last = cols[cols.length - 1];
      if (cols.length < 2 || !isTag(last)) {
        tagged = false;
      }
      tags[i] = last;
    }
    sentences.add(new Sentence(List.copyOf(lines), words, tagged ? iob2(tags) : null));
    lines.clear();
  }

  private static boolean isTag(String s) {
    return s.equals("O") || (s.length() > 2 && (s.startsWith("B-") || s.startsWith("I-")));
  }

  /** IOB2 from IOB1 or IOB2: an I- that does not continue an entity of its type becomes B-. */
  static String[] iob2(String[] tags) {
    String[] out = new String[tags.length];
    for (int i = 0; i < tags.length; i++) {
      String t = tags[i];
      if (t.startsWith("I-")
          && (i == 0
              || tags[i - 1].equals("O")
              || !tags[i - 1].substring(2).equals(t.substring(2)))) {
        out[i] = "B-" + t.substring(2);
      } else {
        out[i] = t;
      }
    }
    return out;
  }
}
