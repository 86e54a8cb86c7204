/**
 * Sources as data: the compacted topic {@code newsdesk.sources} says what ingest watches, and
 * ingest instances share its partitions as one Kafka consumer group.
 */
package io.newsdesk.ingest.sources;
