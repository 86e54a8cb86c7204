/** The push receiver: articles POSTed over HTTP. */
package io.newsdesk.ingest.receive;
