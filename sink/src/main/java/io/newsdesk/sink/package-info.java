/**
 * The sink stage: enriched articles to the sink topic and to date-partitioned files, exactly once.
 */
package io.newsdesk.sink;
