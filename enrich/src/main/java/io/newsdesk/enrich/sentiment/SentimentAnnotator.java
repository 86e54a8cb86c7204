package io.newsdesk.enrich.sentiment;

import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Tone;
import java.util.List;

/** Document tone and sentiment toward each entity. Thread-safe. */
public interface SentimentAnnotator {

  /** The GDELT-style tone vector of a text. */
  Tone tone(String text);

  /** Sets {@code sentiment} on each entity from the sentences of {@code text} that mention it. */
  void annotate(String text, List<Entity> entities);

  /**
   * {@link #annotate} then {@link #tone} of the same text, in one call so that an implementation
   * can read the text once for both.
   */
  default Tone annotateWithTone(String text, List<Entity> entities) {
    annotate(text, entities);
    return tone(text);
  }

  /** Name and version of the models, recorded on every article. */
  String version();
}
