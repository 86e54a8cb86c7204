/** Sentiment: document tone in GDELT's fields and sentiment toward each entity. */
package io.newsdesk.enrich.sentiment;
