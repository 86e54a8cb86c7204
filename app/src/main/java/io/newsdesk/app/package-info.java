/** The newsdesk command: wiring, the embedded broker and configuration; no business logic. */
package io.newsdesk.app;
