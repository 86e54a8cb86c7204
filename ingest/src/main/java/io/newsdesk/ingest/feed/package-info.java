/** Feed parsing (RSS, RDF, Atom, JSON Feed), OPML import, sitemaps and feed autodiscovery. */
package io.newsdesk.ingest.feed;
