package io.newsdesk.enrich.stories;

import static io.newsdesk.enrich.stories.StoryArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Story;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How articles group into stories, whatever the order they arrive in. */
class StoryIndexTest {

  private static final long HOUR = 3_600_000L;

  private static Entity entity(String key, String type, double salience) {
    return StoryArticles.entity(key, key.substring(4), type, salience);
  }

  /** The strike as the union side tells it. */
  private static EnrichedArticle union() {
    return article(
        "union",
        "Dockers walk out in Lindham",
        "Dockers in Lindham walked out at dawn, union leader Amara Okoye said, demanding pay"
            + " rises and safer cranes. Picket lines blocked the gates and the dockers vowed to"
            + " stay out until the pay offer improved.",
        entity("LOC:lindham", "LOC", 0.9),
        entity("PER:amara okoye", "PER", 0.9),
        entity("ORG:dockers union", "ORG", 0.5));
  }

  /** The same strike from the port's side: other people, other words, few names in common. */
  private static EnrichedArticle port() {
    return article(
        "port",
        "Harbour board warns of shipping losses",
        "The harbour board chairman Joseph Nkemelu warned that container traffic was backing up"
            + " and freight firms were diverting vessels, as Transport Minister Ruth Adeyemi"
            + " called for talks. Lindham and Okoye were named in a board statement.",
        entity("PER:joseph nkemelu", "PER", 0.9),
        entity("ORG:harbour board", "ORG", 0.9),
        entity("PER:ruth adeyemi", "PER", 0.9),
        entity("LOC:lindham", "LOC", 0.3),
        entity("PER:amara okoye", "PER", 0.2));
  }

  /** A report that tells both sides. */
  private static EnrichedArticle both() {
    return article(
        "both",
        "Lindham strike: dockers and harbour board far apart",
        "Dockers led by Amara Okoye kept their picket lines at Lindham while the harbour board"
            + " chairman Joseph Nkemelu said freight firms were diverting vessels. The union"
            + " wants pay rises; the board warned of losses as container traffic backed up.",
        entity("LOC:lindham", "LOC", 0.9),
        entity("PER:amara okoye", "PER", 0.8),
        entity("ORG:harbour board", "ORG", 0.7),
        entity("PER:joseph nkemelu", "PER", 0.7),
        entity("ORG:dockers union", "ORG", 0.4));
  }

  /** Each article's story, after all of them arrived in this order an hour apart. */
  private static Map<String, String> assign(List<EnrichedArticle> order, List<Story> records) {
    StoryIndex index = new StoryIndex(StoryConfig.defaults());
    Map<String, String> storyOf = new HashMap<>();
    long at = 0;
    for (EnrichedArticle a : order) {
      StoryIndex.Assignment r =
          index.assign(StoryProbe.of(a, StoryConfig.defaults().salientEntities()), at += HOUR);
      storyOf.put(a.getArticle().getId(), r.answer().storyId());
      records.addAll(r.merged());
      records.add(r.story());
      // Articles already assigned follow the story theirs was joined to.
      for (Story m : r.merged()) {
        storyOf.replaceAll((k, v) -> v.equals(m.getId()) ? m.getMergedInto() : v);
      }
    }
    return storyOf;
  }

  static Stream<List<String>> orders() {
    return Stream.of(
        List.of("union", "port", "both"),
        List.of("port", "union", "both"),
        List.of("both", "union", "port"),
        List.of("both", "port", "union"),
        List.of("union", "both", "port"),
        List.of("port", "both", "union"));
  }

  @ParameterizedTest
  @MethodSource("orders")
  void oneStoryHoldsTheSameEventWhateverTheOrder(List<String> order) {
    Map<String, EnrichedArticle> byId = Map.of("union", union(), "port", port(), "both", both());
    List<Story> records = new ArrayList<>();

    Map<String, String> storyOf = assign(order.stream().map(byId::get).toList(), records);

    assertThat(Set.copyOf(storyOf.values())).hasSize(1);
    Story last = records.get(records.size() - 1);
    assertThat(last.getArticleCount()).isEqualTo(3);
    assertThat(last.getArticleIds()).containsExactlyInAnyOrder("union", "port", "both");
    // The story is named after its first article, whichever stories it took in.
    assertThat(last.getId()).isEqualTo(order.get(0));
  }

  @Test
  void twoStoriesThatAnArticleShowsToBeOneAreJoinedIntoTheOlder() {
    List<Story> records = new ArrayList<>();

    assign(List.of(union(), port()), records);
    assertThat(records).extracting(Story::getId).containsExactly("union", "port");

    assign(List.of(union(), port(), both()), records = new ArrayList<>());
    Story closed = records.get(2);
    Story kept = records.get(3);
    assertThat(closed.getId()).isEqualTo("port");
    assertThat(closed.getMergedInto()).isEqualTo("union");
    assertThat(kept.getId()).isEqualTo("union");
    assertThat(kept.getMergedInto()).isNull();
    assertThat(kept.getArticleCount()).isEqualTo(3);
    assertThat(kept.getFirstSeen()).isEqualTo(HOUR);
    assertThat(kept.getTopEntities())
        .extracting(e -> e.getKey())
        .contains("PER:joseph nkemelu", "ORG:dockers union", "PER:ruth adeyemi");
  }

  @Test
  void aRoundUpTouchingTwoUnrelatedStoriesJoinsNeither() {
    EnrichedArticle election =
        article(
            "election",
            "Corvale votes for a new mayor",
            "Voters in Corvale chose a new mayor on Sunday, with Tomas Vance ahead in early"
                + " counts after a campaign fought over housing and buses. Turnout was high in"
                + " the city's northern wards.",
            entity("LOC:corvale", "LOC", 0.9),
            entity("PER:tomas vance", "PER", 0.9),
            entity("ORG:civic alliance", "ORG", 0.5));
    EnrichedArticle roundUp =
        article(
            "roundup",
            "The day in brief: Lindham strike, Corvale mayor",
            "Dockers in Lindham walked out as union leader Amara Okoye demanded pay rises and"
                + " picket lines blocked the gates. Voters in Corvale chose a new mayor, with Tomas"
                + " Vance ahead in early counts after a campaign fought over housing and buses.",
            entity("LOC:lindham", "LOC", 0.8),
            entity("PER:amara okoye", "PER", 0.8),
            entity("LOC:corvale", "LOC", 0.8),
            entity("PER:tomas vance", "PER", 0.8));
    List<Story> records = new ArrayList<>();

    Map<String, String> storyOf = assign(List.of(union(), election, roundUp), records);

    assertThat(records).extracting(Story::getMergedInto).containsOnlyNulls();
    assertThat(storyOf.get("union")).isNotEqualTo(storyOf.get("election"));
    assertThat(new HashSet<>(storyOf.values())).containsExactlyInAnyOrder("union", "election");
  }

  @Test
  void aJoinedStoryIdAnswersForTheStoryThatTookItInUntilThatOneCloses() {
    StoryIndex index = new StoryIndex(StoryConfig.defaults());
    int salient = StoryConfig.defaults().salientEntities();
    index.assign(StoryProbe.of(union(), salient), HOUR);
    index.assign(StoryProbe.of(port(), salient), 2 * HOUR);
    index.assign(StoryProbe.of(both(), salient), 3 * HOUR);

    assertThat(index.openStoryOf("port")).isEqualTo("union");
    assertThat(index.openStoryOf("union")).isEqualTo("union");
    // The store keeps an entry for the joined id, not the joined story's state.
    assertThat(index.drainJoined()).containsExactly(Map.entry("port", "union"));
    assertThat(index.drainForgotten()).isEmpty();
    assertThat(index.drainJoined()).isEmpty();

    index.expire(3 * HOUR + StoryConfig.defaults().window().toMillis() + 1);

    assertThat(index.openStoryOf("port")).isNull();
    assertThat(index.drainForgotten()).containsExactlyInAnyOrder("union", "port");
  }

  @Test
  void aRestoredJoinedIdStaysOnlyWhileItsStoryIsOpen() {
    StoryIndex index = new StoryIndex(StoryConfig.defaults());
    StoryState open = new StoryState();
    open.id = "union";
    open.entities.put("LOC:lindham", 1.0);
    index.restore(open);
    index.restore(StoryState.joined("port", "union"));
    index.restore(StoryState.joined("ferry", "closed-long-ago"));

    index.dropDangling();

    assertThat(index.drainForgotten()).containsExactly("ferry");
    assertThat(index.openStoryOf("port")).isEqualTo("union");
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aJoinedEntrySurvivesItsStoreRoundTrip() {
    StoryState j = StoryState.joined("port", "union");
    byte[] bytes = StoryState.SERDE.serializer().serialize("t", j);
    StoryState back = StoryState.SERDE.deserializer().deserialize("t", bytes);

    assertThat(back.id).isEqualTo("port");
    assertThat(back.mergedInto).isEqualTo("union");
  }
}
