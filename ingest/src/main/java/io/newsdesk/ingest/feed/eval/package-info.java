/** Scores the feed parser against the feedparser and ROME test corpora. */
package io.newsdesk.ingest.feed.eval;
