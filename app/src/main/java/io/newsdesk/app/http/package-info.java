/** The HTTP side of a running stage: health, Prometheus metrics, the JSON API and the console. */
package io.newsdesk.app.http;
