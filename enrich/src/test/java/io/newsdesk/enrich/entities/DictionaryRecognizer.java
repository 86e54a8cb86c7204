package io.newsdesk.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A test recognizer that tags listed phrases (longest first), so resolution tests need no model.
 */
final class DictionaryRecognizer implements EntityRecognizer {

  private final Map<String, String> phrases;

  DictionaryRecognizer(Map<String, String> phrases) {
    this.phrases = phrases;
  }

  @Override
  public List<String[]> tagDocument(List<String[]> sentences) {
    List<String[]> out = new ArrayList<>();
    for (String[] words : sentences) {
      String[] tags = new String[words.length];
      Arrays.fill(tags, "O");
      for (int i = 0; i < words.length; i++) {
        for (int e = Math.min(words.length, i + 6); e > i; e--) {
          String type = phrases.get(String.join(" ", Arrays.copyOfRange(words, i, e)));
          if (type != null) {
            tags[i] = "B-" + type;
            for (int k = i + 1; k < e; k++) {
              tags[k] = "I-" + type;
            }
            i = e - 1;
            break;
          }
        }
      }
      out.add(tags);
    }
    return out;
  }

  @Override
  public String version() {
    return "dictionary";
  }
}
