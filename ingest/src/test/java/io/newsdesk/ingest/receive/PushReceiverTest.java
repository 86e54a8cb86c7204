package io.newsdesk.ingest.receive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.ingest.Ids;
import io.newsdesk.ingest.testing.RecordingSink;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.RawDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PushReceiverTest {
  private final RecordingSink sink = new RecordingSink();
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private PushReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver =
        new PushReceiver("127.0.0.1", 0, 10_000, sink, Clock.systemUTC(), () -> true).start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/articles"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsAJsonArticleWith202AndItsId() throws Exception {
    HttpResponse<String> r =
        post(
            "application/json",
            "{\"url\":\"https://Example.com/x?utm_source=a\",\"title\":\"T\",\"html\":\"<p>Hi</p>\","
                + "\"published\":\"2024-01-01T00:00:00Z\",\"source\":\"wire\"}");
    assertThat(r.statusCode()).isEqualTo(202);
    JsonNode ids = json.readTree(r.body()).get("ids");
    assertThat(ids).hasSize(1);
    RawDocument d = sink.documents().get(0);
    assertThat(ids.get(0).asText()).isEqualTo(d.getId());
    assertThat(d.getId()).isEqualTo(Ids.forUrl("https://example.com/x"));
    assertThat(d.getArrival()).isEqualTo(Arrival.PUSH);
    assertThat(d.getContentType()).isEqualTo("text/html");
    assertThat(d.getSource()).isEqualTo("wire");
    assertThat(d.getItem().getTitle()).isEqualTo("T");
    assertThat(d.getItem().getPublished()).isEqualTo(1704067200000L);
    assertThat(new String(d.getBody().array(), StandardCharsets.UTF_8)).isEqualTo("<p>Hi</p>");
  }

  @Test
  void acceptsAnArrayAndRawText() throws Exception {
    assertThat(post("application/json", "[{\"text\":\"one\"},{\"text\":\"two\"}]").statusCode())
        .isEqualTo(202);
    HttpResponse<String> raw = post("text/plain; charset=utf-8", "just some text");
    assertThat(raw.statusCode()).isEqualTo(202);
    assertThat(sink.documents()).hasSize(3);
    RawDocument text = sink.documents().get(2);
    assertThat(text.getContentType()).isEqualTo("text/plain");
    assertThat(text.getId())
        .isEqualTo(Ids.forBody("just some text".getBytes(StandardCharsets.UTF_8)));
    assertThat(text.getSource()).isEqualTo("push");
  }

  @Test
  void rejectsInvalidArticlesWith400AndAReason() throws Exception {
    HttpResponse<String> noText = post("application/json", "{\"title\":\"only a title\"}");
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noText.body()).get("error").asText()).contains("'text' or 'html'");
    assertThat(post("application/json", "{broken").statusCode()).isEqualTo(400);
    assertThat(post("application/json", "{\"text\":\"x\",\"url\":\"not a url\"}").statusCode())
        .isEqualTo(400);
    assertThat(post("application/json", "{\"text\":\"x\",\"published\":\"someday\"}").statusCode())
        .isEqualTo(400);
    assertThat(post(null, "text").statusCode()).isEqualTo(400);
    assertThat(post("image/png", "xx").statusCode()).isEqualTo(400);
    assertThat(sink.documents()).isEmpty();
  }

  @Test
  void rejectsOversizedBodies() throws Exception {
    HttpResponse<String> r = post("text/plain", "x".repeat(20_000));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("larger than 10000 bytes");
  }

  @Test
  void reportsHealth() throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"ready\"");
  }
}
