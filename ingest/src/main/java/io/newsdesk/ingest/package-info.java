/** The ingest stage: polite acquisition of feeds, sitemaps, pages, pushes and a drop folder. */
package io.newsdesk.ingest;
