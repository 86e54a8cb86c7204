/** Adaptive poll intervals and per-host politeness. */
package io.newsdesk.ingest.schedule;
