package io.newsdesk.enrich.sentiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.enrich.entities.ConllCorpus;
import io.newsdesk.enrich.entities.EntityTagger;
import io.newsdesk.enrich.extract.LanguageIdentifier;
import io.newsdesk.enrich.text.SentenceSplitter;
import io.newsdesk.enrich.text.Span;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unlabelled targets for distillation: people and organisations in news sentences, as NewsMTSC
 * lines without polarity, from CoNLL-2003 (gold names) and from article text (names our tagger
 * finds). A teacher model labels them; the fast model trains on them next to the gold targets.
 */
public final class UnlabelledTargets {

  /** Entity types that become targets: NewsMTSC's targets are people and organisations. */
  static final Set<String> TYPES = Set.of("PER", "ORG");

  static final int MIN_WORDS = 8;
  static final int MAX_WORDS = 60;

  /**
   * One sentence and its targets, each the character spans of its mentions, main one first; {@code
   * trainLine} is the index of the NewsMTSC train line the sentence comes from (-1 for none), so
   * that cross-validation can leave it out with its fold.
   */
  public record Candidate(String sentence, List<int[]> targets, int trainLine) {

    public Candidate(String sentence, List<int[]> targets) {
      this(sentence, targets, -1);
    }

    /** The NewsMTSC line of this sentence, its targets without polarity. */
    public ObjectNode toJson() {
      ObjectNode line = NewsMtsc.JSON.createObjectNode();
      line.put("sentence_normalized", sentence);
      if (trainLine >= 0) {
        line.put("train_line", trainLine);
      }
      ArrayNode ts = line.putArray("targets");
      for (int[] spans : targets) {
        ObjectNode t = ts.addObject();
        t.put("from", spans[0]);
        t.put("to", spans[1]);
        t.put("mention", sentence.substring(spans[0], spans[1]));
        if (spans.length > 2) {
          ArrayNode further = t.putArray("further_mentions");
          for (int k = 2; k + 1 < spans.length; k += 2) {
            ObjectNode m = further.addObject();
            m.put("from", spans[k]);
            m.put("to", spans[k + 1]);
            m.put("mention", sentence.substring(spans[k], spans[k + 1]));
          }
        }
      }
      return line;
    }
  }

  private UnlabelledTargets() {}

  /** Sentences of a CoNLL-2003 file, detokenised, with their gold PER and ORG names as targets. */
  public static List<Candidate> fromConll(Path conll) throws IOException {
    List<Candidate> out = new ArrayList<>();
    for (ConllCorpus.Document doc : ConllCorpus.read(conll)) {
      for (ConllCorpus.Sentence s : doc.sentences()) {
        if (s.gold() == null || !newsLike(s.words())) {
          continue;
        }
        int[] start = new int[s.words().length];
        int[] end = new int[s.words().length];
        String sentence = detokenise(s.words(), start, end);
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < s.words().length; i++) {
          String tag = s.gold()[i];
          if (!tag.startsWith("B-") || !TYPES.contains(tag.substring(2))) {
            continue;
          }
          int j = i + 1;
          while (j < s.words().length && s.gold()[j].equals("I-" + tag.substring(2))) {
            j++;
          }
          String name = sentence.substring(start[i], end[j - 1]);
          List<Integer> spans = byName.computeIfAbsent(name, k -> new ArrayList<>());
          spans.add(start[i]);
          spans.add(end[j - 1]);
        }
        add(out, sentence, byName.values());
      }
    }
    return out;
  }

  /**
   * Sentences of English article bodies with the PER and ORG names {@code tagger} finds in them;
   * the mentions of one entity within a sentence are one target.
   */
  public static List<Candidate> fromArticles(List<String> bodies, EntityTagger tagger) {
    List<Candidate> out = new ArrayList<>();
    for (String body : bodies) {
      if (!LanguageIdentifier.shared().identify(body).orElse("").equals("en")) {
        continue;
      }
      List<Entity> entities = tagger.tag(null, body);
      for (Span s : SentenceSplitter.split(body)) {
        String sentence = body.substring(s.start(), s.end());
        if (sentence.indexOf('\n') >= 0 || !newsLike(sentence.split(" "))) {
          continue;
        }
        List<List<Integer>> targets = new ArrayList<>();
        for (Entity e : entities) {
          if (!TYPES.contains(e.getType().toString())) {
            continue;
          }
          List<Integer> spans = new ArrayList<>();
          for (Mention m : e.getMentions()) {
            if (m.getStart() >= s.start() && m.getEnd() <= s.end()) {
              spans.add(m.getStart() - s.start());
              spans.add(m.getEnd() - s.start());
            }
          }
          if (!spans.isEmpty()) {
            targets.add(spans);
          }
        }
        add(out, sentence, targets);
      }
    }
    return out;
  }

  /**
   * The PER and ORG names {@code tagger} finds in NewsMTSC sentences that are not already targets
   * there (no overlap with any labelled mention).
   */
  public static List<Candidate> fromNewsMtsc(Path newsMtsc, EntityTagger tagger)
      throws IOException {
    List<Candidate> out = new ArrayList<>();
    List<NewsMtsc.Line> lines = NewsMtsc.read(newsMtsc);
    for (int i = 0; i < lines.size(); i++) {
      NewsMtsc.Line line = lines.get(i);
      String sentence = line.sentence();
      List<int[]> targets = new ArrayList<>();
      for (Entity e : tagger.tag(null, sentence)) {
        if (!TYPES.contains(e.getType().toString())) {
          continue;
        }
        List<Integer> spans = new ArrayList<>();
        boolean known = false;
        for (Mention m : e.getMentions()) {
          for (NewsMtsc.Target t : line.targets()) {
            for (int k = 0; k + 1 < t.spans().length; k += 2) {
              known |= m.getStart() < t.spans()[k + 1] && t.spans()[k] < m.getEnd();
            }
          }
          spans.add(m.getStart());
          spans.add(m.getEnd());
        }
        if (!known && !spans.isEmpty()) {
          targets.add(spans.stream().mapToInt(Integer::intValue).toArray());
        }
      }
      if (!targets.isEmpty()) {
        out.add(new Candidate(sentence, targets, i));
      }
    }
    return out;
  }

  private static void add(
      List<Candidate> out, String sentence, java.util.Collection<List<Integer>> targets) {
    if (targets.isEmpty()) {
      return;
    }
    List<int[]> spans = new ArrayList<>();
    for (List<Integer> t : targets) {
      spans.add(t.stream().mapToInt(Integer::intValue).toArray());
    }
    out.add(new Candidate(sentence, spans));
  }

  /**
   * Whether the words read as a news sentence rather than a headline, dateline, table row or score
   * line: a length in range, mostly lower-case words, few numbers.
   */
  static boolean newsLike(String[] words) {
    if (words.length < MIN_WORDS || words.length > MAX_WORDS) {
      return false;
    }
    int lower = 0;
    int digits = 0;
    for (String w : words) {
      if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
        lower++;
      }
      if (w.chars().anyMatch(Character::isDigit)) {
        digits++;
      }
    }
    return lower * 2 >= words.length && digits * 5 < words.length;
  }

  /**
   * The sentence text of tokenised words (spaces between words except before closing and after
   * opening punctuation; PTB quotes become straight ones), with each word's character span.
   */
  static String detokenise(String[] words, int[] start, int[] end) {
    StringBuilder b = new StringBuilder();
    boolean openQuote = false;
    boolean glue = true;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean closes;
      boolean opens;
      if (w.equals("\"") || w.equals("``") || w.equals("''")) {
        w = "\"";
        opens = !openQuote;
        closes = openQuote;
        openQuote = !openQuote;
      } else {
        closes = w.matches("[.,:;!?%)\\]}]+|'s|'|n't|'re|'ve|'ll|'d|'m|\\.\\.\\.");
        opens = w.matches("[(\\[{$]");
      }
      if (!glue && !closes) {
        b.append(' ');
      }
      start[i] = b.length();
      b.append(w);
      end[i] = b.length();
      glue = opens;
    }
    return b.toString();
  }
}
