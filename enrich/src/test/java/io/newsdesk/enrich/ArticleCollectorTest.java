package io.newsdesk.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.enrich.dedup.BandAnswer;
import io.newsdesk.enrich.dedup.Tally;
import io.newsdesk.enrich.stories.StoryAnswer;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class ArticleCollectorTest {

  private static final int BANDS = 2;

  private static EnrichedArticle article() {
    Article a =
        Article.newBuilder()
            .setId("b")
            .setUrl("https://example.org/b")
            .setSource("test")
            .setArrival(Arrival.FEED)
            .setFetchedAt(0L)
            .setText("text")
            .setExtractor("test")
            .build();
    Entity okoye =
        Entity.newBuilder()
            .setKey("PER:okoye")
            .setCanonical("Okoye")
            .setType("PER")
            .setMentions(List.of(new Mention("Okoye", 0, 5)))
            .setCount(1)
            .build();
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEntities(new ArrayList<>(List.of(okoye)))
        .setEnrichedAt(0L)
        .build();
  }

  private record Run(
      MockProcessorContext<String, EnrichedArticle> context,
      ArticleCollector collector,
      List<KeyValueStore<String, ?>> stores) {}

  private static Run start() {
    MockProcessorContext<String, EnrichedArticle> context = new MockProcessorContext<>();
    KeyValueStore<String, byte[]> pending =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("p"), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    KeyValueStore<String, Tally> tallies =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("t"), Serdes.String(), Tally.SERDE)
            .withLoggingDisabled()
            .build();
    KeyValueStore<String, StoryAnswer> stories =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("s"), Serdes.String(), StoryAnswer.SERDE)
            .withLoggingDisabled()
            .build();
    for (KeyValueStore<String, ?> s : List.of(pending, tallies, stories)) {
      s.init(context.getStateStoreContext(), s);
      context.addStateStore(s);
    }
    ArticleCollector collector = new ArticleCollector("p", "t", "s", BANDS);
    collector.init(context);
    return new Run(context, collector, List.of(pending, tallies, stories));
  }

  private static List<ArticleCollector.Input> inputs(boolean checked) {
    List<ArticleCollector.Input> in = new ArrayList<>();
    in.add(new ArticleCollector.Input(ArticleCollector.waiting(article(), checked), null, null));
    if (checked) {
      in.add(new ArticleCollector.Input(null, new BandAnswer("b", null, 0, 0), null));
      in.add(new ArticleCollector.Input(null, new BandAnswer("b", "a", 5L, 0.9), null));
    }
    StoryAnswer story =
        new StoryAnswer("s1", List.of(new StoryAnswer.Rename(0, "PER:amara okoye", "Amara Okoye")));
    in.add(new ArticleCollector.Input(null, null, story));
    return in;
  }

  private static void permute(
      List<ArticleCollector.Input> rest,
      List<ArticleCollector.Input> done,
      List<List<ArticleCollector.Input>> out) {
    if (rest.isEmpty()) {
      out.add(done);
      return;
    }
    for (int i = 0; i < rest.size(); i++) {
      List<ArticleCollector.Input> r = new ArrayList<>(rest);
      List<ArticleCollector.Input> d = new ArrayList<>(done);
      d.add(r.remove(i));
      permute(r, d, out);
    }
  }

  private static void forwardsOnceWhenAllAnswersAreInWhateverTheirOrder(boolean checked) {
    List<List<ArticleCollector.Input>> orders = new ArrayList<>();
    permute(inputs(checked), List.of(), orders);
    assertThat(orders).hasSize(checked ? 24 : 2);
    for (List<ArticleCollector.Input> order : orders) {
      Run run = start();
      for (int i = 0; i < order.size(); i++) {
        assertThat(run.context().forwarded()).isEmpty();
        run.collector().process(new Record<>("b", order.get(i), 10L));
      }
      assertThat(run.context().forwarded()).hasSize(1);
      EnrichedArticle out = run.context().forwarded().get(0).record().value();
      assertThat(out.getStoryId()).isEqualTo("s1");
      assertThat(out.getEntities().get(0).getKey()).isEqualTo("PER:amara okoye");
      assertThat(out.getEntities().get(0).getCanonical()).isEqualTo("Amara Okoye");
      assertThat(out.getDuplicateOf()).isEqualTo(checked ? "a" : null);
      assertThat(out.getDuplicateKind()).isEqualTo(checked ? "near" : null);
      for (KeyValueStore<String, ?> s : run.stores()) {
        assertThat(s.approximateNumEntries()).as("nothing left in %s", s.name()).isZero();
      }
    }
  }

  @Test
  void aCheckedArticleLeavesOnceWithItsBandAndStoryAnswersWhateverTheirOrder() {
    forwardsOnceWhenAllAnswersAreInWhateverTheirOrder(true);
  }

  @Test
  void anUncheckedArticleWaitsOnlyForItsStory() {
    forwardsOnceWhenAllAnswersAreInWhateverTheirOrder(false);
  }
}
