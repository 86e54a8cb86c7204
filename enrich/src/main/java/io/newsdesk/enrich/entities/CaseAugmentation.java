package io.newsdesk.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training copies of sentences set as headlines and datelines set them: a share of the training
 * sentences is added again, each as a document of its own, in title case or in capitals (every
 * other copy), with the same gold tags, so that the recognizer sees names in text whose capitals no
 * longer mark them.
 */
final class CaseAugmentation {

  private CaseAugmentation() {}

  /**
   * {@code docs} followed by the case-changed copies of a share {@code share} of their sentences.
   */
  static List<ConllCorpus.Document> augment(
      List<ConllCorpus.Document> docs, double share, long seed) {
    if (share <= 0) {
      return docs;
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<ConllCorpus.Document> out = new ArrayList<>(docs);
    boolean upper = false;
    for (ConllCorpus.Document d : docs) {
      for (ConllCorpus.Sentence s : d.sentences()) {
        if (s.words().length < 3 || random.nextDouble() >= share || allCaps(s.words())) {
          continue;
        }
        String[] words = new String[s.words().length];
        for (int i = 0; i < words.length; i++) {
          words[i] = upper ? s.words()[i].toUpperCase(Locale.ROOT) : titleCase(s.words()[i], i);
        }
        upper = !upper;
        out.add(
            new ConllCorpus.Document(
                null, List.of(new ConllCorpus.Sentence(List.of(), words, s.gold()))));
      }
    }
    return out;
  }

  /** A headline's form of a word: capitalised unless it is a short word inside the line. */
  static String titleCase(String w, int position) {
    if (w.isEmpty() || !Character.isLowerCase(w.charAt(0)) || position > 0 && w.length() <= 3) {
      return w;
    }
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static boolean allCaps(String[] words) {
    for (String w : words) {
      if (!w.equals(w.toUpperCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
