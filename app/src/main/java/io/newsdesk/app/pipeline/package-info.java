/** Runs the stages together: start-up, drain detection and the run summary. */
package io.newsdesk.app.pipeline;
