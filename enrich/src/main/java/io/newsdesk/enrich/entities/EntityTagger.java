package io.newsdesk.enrich.entities;

import io.newsdesk.schema.Entity;
import java.util.List;

/**
 * Finds the entities of an article and resolves their aliases: one {@link Entity} per canonical
 * entity, with every mention's offsets into {@code text}. Sentiment is left unset. Thread-safe.
 */
public interface EntityTagger {

  /** Entities of the text; {@code title} (nullable) only raises salience. */
  List<Entity> tag(String title, String text);

  /** Name and version of the model, recorded on every article. */
  String version();
}
