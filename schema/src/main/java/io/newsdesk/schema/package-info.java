/** The public contract: Avro records, their single-object codec, serdes and the topic catalog. */
package io.newsdesk.schema;
