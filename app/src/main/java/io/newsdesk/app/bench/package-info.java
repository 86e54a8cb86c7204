/** The end-to-end benchmark: the yardstick for every stage's speed and memory. */
package io.newsdesk.app.bench;
