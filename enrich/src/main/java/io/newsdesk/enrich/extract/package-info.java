/** Article extraction: main text and metadata from HTML, clean-up of pushed plain text. */
package io.newsdesk.enrich.extract;
