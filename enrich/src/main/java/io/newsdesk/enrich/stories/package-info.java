/** Stories: articles about one developing story get one story id; a compacted topic holds each. */
package io.newsdesk.enrich.stories;
