/** HTML analysis: main-content detection, text rendering and page metadata, built on jsoup. */
package io.newsdesk.enrich.extract.html;
