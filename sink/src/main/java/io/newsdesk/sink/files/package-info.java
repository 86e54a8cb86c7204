/**
 * Date-partitioned Avro container and JSON Lines files, committed by rename and recovered by name.
 */
package io.newsdesk.sink.files;
