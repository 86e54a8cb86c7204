/** Kafka plumbing for the command: the embedded KRaft broker and topic provisioning. */
package io.newsdesk.app.kafka;
