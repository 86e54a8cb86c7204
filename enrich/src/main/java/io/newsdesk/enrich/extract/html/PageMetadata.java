package io.newsdesk.enrich.extract.html;

import java.util.List;

/**
 * What a page says about itself. Dates are epoch milliseconds; {@code publishedFrom} names the
 * source of the date (json-ld, meta, time, url, text).
 */
public record PageMetadata(
    String title,
    List<String> authors,
    Long published,
    String publishedFrom,
    Long modified,
    String language,
    String canonicalUrl,
    String image,
    String siteName,
    String description,
    String structuredBody) {}
