/** Per-source state and process-wide de-duplication. */
package io.newsdesk.ingest.state;
