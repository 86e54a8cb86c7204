/** The drop folder: files taken exactly once across restarts. */
package io.newsdesk.ingest.folder;
