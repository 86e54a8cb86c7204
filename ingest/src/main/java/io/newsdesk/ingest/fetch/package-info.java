/** HTTP fetching: conditional GET, redirects, retries, size limits and charset detection. */
package io.newsdesk.ingest.fetch;
