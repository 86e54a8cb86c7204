/** Where documents go: the DocumentSink contract and its Kafka implementation. */
package io.newsdesk.ingest.publish;
