/** Tokens with character offsets and sentence boundaries for news text. */
package io.newsdesk.enrich.text;
