package io.newsdesk.enrich.entities;

import java.util.List;

/** Finds PER, ORG, LOC and MISC names in a tokenised document. Implementations are thread-safe. */
public interface EntityRecognizer {

  /**
   * IOB2 tags ({@code B-PER}, {@code I-PER}, {@code O}, ...) for every token of every sentence of
   * one document; sentences are tagged together so that evidence is shared across them.
   */
  List<String[]> tagDocument(List<String[]> sentences);

  /** Name and version of the model. */
  String version();
}
