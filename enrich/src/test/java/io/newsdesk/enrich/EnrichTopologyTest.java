package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.AvroCodec;
import io.newsdesk.schema.DeadLetter;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

  private static final AvroCodec<RawDocument> RAW = AvroCodec.of(RawDocument.class);

  @TempDir Path stateDir;
  private EnrichTopologyDriver driver;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, DeadLetter> dead;

  @BeforeEach
  void start() {
    driver = new EnrichTopologyDriver(TestComponents.create(), stateDir);
    enriched = driver.output(Topics.ENRICHED);
    dead = driver.output(Topics.DEAD_LETTERS);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void enrichesARawDocumentIntoAnArticleKeyedById() {
    driver.sendBytes(
        "a1",
        RAW.encode(
            doc("a1", "https://example.org/a1", "Talks resume\nBaghdad and Washington agree.")));

    List<org.apache.kafka.streams.KeyValue<String, EnrichedArticle>> out =
        enriched.readKeyValuesToList();
    assertThat(out).hasSize(1);
    EnrichedArticle a = out.get(0).value;
    assertThat(out.get(0).key).isEqualTo("a1");
    assertThat(a.getArticle().getTitle()).isEqualTo("Talks resume");
    assertThat(a.getEntities()).extracting(e -> e.getCanonical()).contains("Baghdad", "Washington");
    assertThat(a.getEntities()).allSatisfy(e -> assertThat(e.getSentiment()).isNotNull());
    assertThat(a.getTone()).isNotNull();
    assertThat(a.getVersions()).containsKeys("extractor", "entities", "sentiment");
    assertThat(a.getDuplicateOf()).isNull();
    assertThat(dead.isEmpty()).isTrue();
  }

  @Test
  void sendsAnUnreadableRecordToDeadLettersWithItsOriginalBytesAndGoesOn() {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    driver.sendBytes("bad", garbage);
    driver.sendBytes(
        "a2", RAW.encode(doc("a2", "https://example.org/a2", "Title\nSome text here.")));

    DeadLetter letter = dead.readValue();
    assertThat(letter.getStage()).isEqualTo("enrich.decode");
    assertThat(letter.getReason()).contains("not a readable RawDocument");
    assertThat(bytes(letter.getOriginalBytes())).isEqualTo(garbage);
    assertThat(letter.getTopic()).isEqualTo(Topics.RAW.name());
    assertThat(letter.getOffset()).isEqualTo(0L);
    assertThat(enriched.readKeyValuesToList()).hasSize(1);
  }

  @Test
  void sendsADocumentThatIsNoArticleToDeadLettersWithItsReason() {
    byte[] bytes = RAW.encode(doc("e1", "https://example.org/empty", "   "));
    driver.sendBytes("e1", bytes);

    DeadLetter letter = dead.readValue();
    assertThat(letter.getStage()).isEqualTo("enrich.extract");
    assertThat(letter.getReason()).startsWith("not_an_article");
    assertThat(letter.getUrl()).isEqualTo("https://example.org/empty");
    assertThat(bytes(letter.getOriginalBytes())).isEqualTo(bytes);
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void marksASecondCopyOfTheSameTextAsDuplicateOfTheFirst() {
    driver.sendBytes(
        "w1",
        RAW.encode(
            doc("w1", "https://one.example/story", "Wire copy\nTroops to stay, minister says.")));
    driver.sendBytes(
        "w2",
        RAW.encode(
            doc("w2", "https://two.example/story", "Wire copy\ntroops to stay -- Minister says!")));
    driver.sendBytes(
        "w3",
        RAW.encode(doc("w3", "https://three.example/other", "Other\nA different story entirely.")));

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(3);
    assertThat(out.get(0).getDuplicateOf()).isNull();
    assertThat(out.get(1).getDuplicateOf()).isEqualTo("w1");
    assertThat(out.get(1).getDuplicateKind()).isEqualTo("exact");
    assertThat(out.get(2).getDuplicateOf()).isNull();
  }

  static RawDocument doc(String id, String url, String body) {
    return RawDocument.newBuilder()
        .setId(id)
        .setSource("test")
        .setUrl(url)
        .setCanonicalUrl(url)
        .setFetchedAt(1_700_000_000_000L)
        .setArrival(Arrival.PUSH)
        .setContentType("text/plain")
        .setCharset("UTF-8")
        .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
