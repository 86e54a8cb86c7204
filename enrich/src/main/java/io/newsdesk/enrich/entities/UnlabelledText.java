package io.newsdesk.enrich.entities;

import io.newsdesk.enrich.text.SentenceSplitter;
import io.newsdesk.enrich.text.Span;
import io.newsdesk.enrich.text.Token;
import io.newsdesk.enrich.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/** Reads a folder of HTML pages (plain or gzipped) as tokenised sentences for word clustering. */
final class UnlabelledText {

  private UnlabelledText() {}

  /** Sentences of the visible text of every {@code .html}, {@code .htm} and {@code .gz} file. */
  static List<String[]> read(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz");
                  })
              .sorted()
              .toList();
    }
    List<String[]> out = new ArrayList<>();
    for (Path p : files) {
      byte[] bytes;
      try (InputStream in = Files.newInputStream(p)) {
        bytes =
            p.toString().endsWith(".gz")
                ? new GZIPInputStream(in).readAllBytes()
                : in.readAllBytes();
      } catch (IOException e) {
        continue; // a damaged page only costs its words
      }
      String text = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).text();
      addSentences(text, out);
    }
    return out;
  }

  static void addSentences(String text, List<String[]> out) {
    List<Token> tokens = Tokenizer.tokenize(text);
    for (Span s : SentenceSplitter.splitTokens(text, tokens)) {
      String[] words = new String[s.length()];
      for (int i = 0; i < words.length; i++) {
        words[i] = NerFeatures.normalise(tokens.get(s.start() + i).text());
      }
      out.add(words);
    }
  }
}
