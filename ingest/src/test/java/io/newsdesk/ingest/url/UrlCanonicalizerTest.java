package io.newsdesk.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

  @Test
  void lowerCasesSchemeAndHostButNotPath() {
    assertThat(UrlCanonicalizer.canonicalize("HTTP://Example.COM/News/A"))
        .isEqualTo("http://example.com/News/A");
  }

  @Test
  void dropsDefaultPortsKeepsOthers() {
    assertThat(UrlCanonicalizer.canonicalize("http://example.com:80/a"))
        .isEqualTo("http://example.com/a");
    assertThat(UrlCanonicalizer.canonicalize("https://example.com:443/a"))
        .isEqualTo("https://example.com/a");
    assertThat(UrlCanonicalizer.canonicalize("https://example.com:8443/a"))
        .isEqualTo("https://example.com:8443/a");
  }

  @Test
  void removesFragmentAndTrackingParametersAndSortsQuery() {
    assertThat(
            UrlCanonicalizer.canonicalize(
                "https://example.com/a?utm_source=x&b=2&fbclid=1&a=1&gclid=z&mc_cid=1&mc_eid=2"
                    + "&igshid=3&ref_src=twsrc#section"))
        .isEqualTo("https://example.com/a?a=1&b=2");
  }

  @Test
  void removesEmptyQuery() {
    assertThat(UrlCanonicalizer.canonicalize("https://example.com/a?"))
        .isEqualTo("https://example.com/a");
    assertThat(UrlCanonicalizer.canonicalize("https://example.com/a?utm_medium=rss"))
        .isEqualTo("https://example.com/a");
  }

  @Test
  void resolvesDotSegmentsAndAddsRootPath() {
    assertThat(UrlCanonicalizer.canonicalize("http://example.com/a/./b/../c"))
        .isEqualTo("http://example.com/a/c");
    assertThat(UrlCanonicalizer.canonicalize("http://example.com/../x"))
        .isEqualTo("http://example.com/x");
    assertThat(UrlCanonicalizer.canonicalize("http://example.com"))
        .isEqualTo("http://example.com/");
  }

  @Test
  void sameArticleThroughDifferentLinksGetsOneKey() {
    assertThat(
            UrlCanonicalizer.canonicalize(
                "https://News.example.com:443/x/../story?id=7&utm_campaign=a"))
        .isEqualTo(UrlCanonicalizer.canonicalize("https://news.example.com/story?id=7#top"));
  }

  @Test
  void rejectsRelativeAndNonHttpUrls() {
    assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("/relative"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("mailto:a@b.c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UrlCanonicalizer.canonicalizeOrNull("ftp://x/y")).isNull();
  }

  @Test
  void toleratesSpacesInFeedLinks() {
    assertThat(UrlCanonicalizer.canonicalize("http://example.com/a b"))
        .isEqualTo("http://example.com/a%20b");
  }
}
