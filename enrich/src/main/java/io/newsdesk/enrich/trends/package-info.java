/** Trends: windowed entity mention counts and mean sentiment, and reading the current top. */
package io.newsdesk.enrich.trends;
