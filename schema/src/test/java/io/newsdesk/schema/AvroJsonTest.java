package io.newsdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

  private static void writesTheTreesText(Schema schema, long seed) throws Exception {
    int n = 0;
    for (Object o : new RandomData(GenericData.get(), schema, 300, seed)) {
      IndexedRecord r = (IndexedRecord) o;
      assertThat(AvroJson.toJsonLine(r))
          .isEqualTo(AvroJson.mapper().writeValueAsString(AvroJson.toTree(r)));
      n++;
    }
    assertThat(n).isEqualTo(300);
  }

  @Test
  void jsonLineOfAnEnrichedArticleIsTheTextOfItsTree() throws Exception {
    writesTheTreesText(EnrichedArticle.getClassSchema(), 14);
  }

  @Test
  void jsonLineOfRawDocumentsAndDeadLettersIsTheTextOfTheirTree() throws Exception {
    writesTheTreesText(RawDocument.getClassSchema(), 15);
    writesTheTreesText(DeadLetter.getClassSchema(), 16);
  }

  @Test
  void jsonLineKeepsUnicodeNumbersAndNullsAsTheTreeDoes() throws Exception {
    DeadLetter dl =
        DeadLetters.of(
                "enrich.extract", "caf\u00e9 \"\u65e5\" \n\u0001 \ud83d\udcf0", new byte[0], 5L)
            .setUrl("https://x.test/\u00e9")
            .build();
    String json = AvroJson.toJsonLine(dl);
    assertThat(json).isEqualTo(AvroJson.mapper().writeValueAsString(AvroJson.toTree(dl)));
    assertThat(json).contains("\\\"\u65e5\\\" \\n\\u0001").contains("\"partition\":null");
  }
}
