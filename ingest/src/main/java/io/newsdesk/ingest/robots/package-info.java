/** robots.txt rules per host, cached with expiry. */
package io.newsdesk.ingest.robots;
