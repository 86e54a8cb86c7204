/** The enrich stage: a Kafka Streams application turning raw documents into enriched articles. */
package io.newsdesk.enrich;
