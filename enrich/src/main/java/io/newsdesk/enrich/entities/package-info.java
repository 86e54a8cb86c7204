/**
 * Named entities: recognition, amounts and dates, and resolution of aliases to canonical entities.
 */
package io.newsdesk.enrich.entities;
