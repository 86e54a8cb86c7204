/** URL canonicalisation for exact de-duplication. */
package io.newsdesk.ingest.url;
