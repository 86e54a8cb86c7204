package io.newsdesk.enrich;

import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.EnrichedArticle;

/** What enriching one raw record gave: an article, or a dead letter. Never leaves the topology. */
record Outcome(EnrichedArticle article, DeadLetter deadLetter) {

  static Outcome ok(EnrichedArticle article) {
    return new Outcome(article, null);
  }

  static Outcome dead(DeadLetter deadLetter) {
    return new Outcome(null, deadLetter);
  }

  boolean isDead() {
    return deadLetter != null;
  }
}
