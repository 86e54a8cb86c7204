/** Public extraction benchmarks, scored the way their authors score them. */
package io.newsdesk.enrich.extract.eval;
