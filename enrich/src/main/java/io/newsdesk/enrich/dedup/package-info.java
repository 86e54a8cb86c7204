/** Near-duplicate detection: MinHash signatures over word shingles, LSH bands, a band index. */
package io.newsdesk.enrich.dedup;
