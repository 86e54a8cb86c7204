package io.newsdesk.ingest.receive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.ingest.Ids;
import io.newsdesk.ingest.feed.Dates;
import io.newsdesk.ingest.fetch.Charsets;
import io.newsdesk.ingest.url.UrlCanonicalizer;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.FeedItem;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Utf8Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Turns pushed or dropped articles into documents: JSON ({@code url?, title?, text | html,
 * published?, source?}), a JSON array of them, or a raw text/plain or text/html body.
 */
public final class ArticleDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleDocuments() {}

  /**
   * Parses a body into documents.
   *
   * @param mimeType application/json, text/plain or text/html
   * @param defaultSource the source when an article names none
   * @param fallbackUrl the URL of a raw body (the file URI for the drop folder), or null
   */
  public static List<RawDocument> parse(
      byte[] body,
      String mimeType,
      String charset,
      String defaultSource,
      String fallbackUrl,
      Arrival arrival,
      long now)
      throws InvalidArticleException {
    if (body.length == 0) {
      throw new InvalidArticleException("empty body");
    }
    String mime = mimeType == null ? "" : mimeType;
    if (mime.equals("application/json") || mime.endsWith("+json")) {
      return parseJson(body, defaultSource, fallbackUrl, arrival, now);
    }
    if (mime.equals("text/plain") || mime.equals("text/html")) {
      Charset cs = Charsets.forNameOrUtf8(charset);
      byte[] utf8;
      if (cs.equals(StandardCharsets.UTF_8)
          && hasNonSpaceAscii(body)
          && Utf8Bytes.isWellFormed(body, 0, body.length)) {
        // Decoding well-formed UTF-8 and encoding it again gives back the same bytes: the round
        // trip of a whole page was most of ingest's CPU, so the body goes on as it came.
        utf8 = body;
      } else {
        String text = new String(body, cs);
        if (text.isBlank()) {
          throw new InvalidArticleException("body has no text");
        }
        utf8 = text.getBytes(StandardCharsets.UTF_8);
      }
      return List.of(document(fallbackUrl, null, mime, utf8, null, defaultSource, arrival, now));
    }
    throw new InvalidArticleException(
        "unsupported content type '" + mime + "': use application/json, text/plain or text/html");
  }

  private static List<RawDocument> parseJson(
      byte[] body, String defaultSource, String fallbackUrl, Arrival arrival, long now)
      throws InvalidArticleException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidArticleException("malformed JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new InvalidArticleException("unreadable JSON: " + e.getMessage());
    }
    if (root == null) {
      throw new InvalidArticleException("empty JSON");
    }
    List<JsonNode> articles = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(articles::add);
      if (articles.isEmpty()) {
        throw new InvalidArticleException("empty JSON array");
      }
    } else if (root.isObject()) {
      articles.add(root);
    } else {
      throw new InvalidArticleException("expected a JSON object or an array of objects");
    }
    List<RawDocument> out = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      JsonNode a = articles.get(i);
      String where = articles.size() > 1 ? "article " + i + ": " : "";
      if (!a.isObject()) {
        throw new InvalidArticleException(where + "expected a JSON object");
      }
      String html = text(a, "html");
      String text = text(a, "text");
      if (html == null && text == null) {
        throw new InvalidArticleException(where + "needs 'text' or 'html'");
      }
      String url = text(a, "url");
      if (url != null && UrlCanonicalizer.canonicalizeOrNull(url) == null) {
        throw new InvalidArticleException(where + "'url' is not an absolute http(s) URL: " + url);
      }
      Long published = null;
      JsonNode p = a.get("published");
      if (p != null && !p.isNull()) {
        published = p.isNumber() ? Long.valueOf(p.asLong()) : Dates.parse(p.asText());
        if (published == null) {
          throw new InvalidArticleException(
              where + "'published' is neither epoch milliseconds nor a date: " + p.asText());
        }
      }
      String source = text(a, "source");
      boolean isHtml = html != null;
      byte[] bytes = (isHtml ? html : text).getBytes(StandardCharsets.UTF_8);
      out.add(
          document(
              url != null ? url : fallbackFor(fallbackUrl, i, articles.size()),
              text(a, "title"),
              isHtml ? "text/html" : "text/plain",
              bytes,
              published,
              source != null ? source : defaultSource,
              arrival,
              now));
    }
    return out;
  }

  private static RawDocument document(
      String url,
      String title,
      String mime,
      byte[] body,
      Long published,
      String source,
      Arrival arrival,
      long now) {
    String canonical = url == null ? null : UrlCanonicalizer.canonicalizeOrNull(url);
    String id = canonical != null ? Ids.forUrl(canonical) : Ids.forBody(body);
    FeedItem item =
        FeedItem.newBuilder()
            .setTitle(title)
            .setPublished(published)
            .setLink(url)
            .setFeedUrl(source)
            .build();
    return RawDocument.newBuilder()
        .setId(id)
        .setSource(source)
        .setUrl(url != null ? url : "urn:newsdesk:" + arrival.name().toLowerCase() + ":" + id)
        .setCanonicalUrl(canonical)
        .setFetchedAt(now)
        .setArrival(arrival)
        .setHttpStatus(null)
        .setHeaders(new HashMap<>())
        .setContentType(mime)
        .setCharset("UTF-8")
        .setBody(ByteBuffer.wrap(body))
        .setItem(item)
        .build();
  }

  /** Whether a byte is an ASCII character that {@link Character#isWhitespace} rejects. */
  private static boolean hasNonSpaceAscii(byte[] body) {
    for (byte b : body) {
      if (b > ' ' || (b >= 0 && b < '\t') || (b > '\r' && b < 0x1C)) {
        return true;
      }
    }
    return false;
  }

  private static String fallbackFor(String fallbackUrl, int i, int count) {
    return fallbackUrl == null || count == 1 ? fallbackUrl : fallbackUrl + "#" + i;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }
}
