/** The offline demo: the project's own sample sources served from 127.0.0.1. */
package io.newsdesk.app.demo;
