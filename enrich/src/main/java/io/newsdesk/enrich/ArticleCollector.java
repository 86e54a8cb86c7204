package io.newsdesk.enrich;

import io.newsdesk.enrich.dedup.BandAnswer;
import io.newsdesk.enrich.dedup.NearDuplicateTopology;
import io.newsdesk.enrich.dedup.Tally;
import io.newsdesk.enrich.stories.StoryAnswer;
import io.newsdesk.schema.EnrichedArticle;
import java.util.Arrays;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by article id: holds an article until its answers are in (one per LSH band if it sent band
 * probes, and its story's), then flags it as a near duplicate of the earliest similar article any
 * band found, gives it its story, and forwards it. Answers may come before the article.
 */
final class ArticleCollector
    implements Processor<String, ArticleCollector.Input, String, EnrichedArticle> {

  /**
   * One of: a waiting article ({@link #waiting}: a flag byte, 1 when it sent band probes, then its
   * Avro bytes, the same bytes the article serde writes), a band answer, or the story answer.
   */
  record Input(byte[] waiting, BandAnswer band, StoryAnswer story) {}

  /** The flagged bytes of an article waiting for its answers. */
  static byte[] waiting(EnrichedArticle article, boolean checked) {
    byte[] avro = NearDuplicateTopology.ARTICLE_CODEC.encode(article);
    byte[] out = new byte[avro.length + 1];
    out[0] = (byte) (checked ? 1 : 0);
    System.arraycopy(avro, 0, out, 1, avro.length);
    return out;
  }

  private final String articleStore;
  private final String tallyStore;
  private final String storyStore;
  private final int bands;
  private KeyValueStore<String, byte[]> pending;
  private KeyValueStore<String, Tally> tallies;
  private KeyValueStore<String, StoryAnswer> stories;
  private ProcessorContext<String, EnrichedArticle> context;

  ArticleCollector(String articleStore, String tallyStore, String storyStore, int bands) {
    this.articleStore = articleStore;
    this.tallyStore = tallyStore;
    this.storyStore = storyStore;
    this.bands = bands;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.pending = context.getStateStore(articleStore);
    this.tallies = context.getStateStore(tallyStore);
    this.stories = context.getStateStore(storyStore);
  }

  @Override
  public void process(Record<String, Input> record) {
    String id = record.key();
    Input in = record.value();
    byte[] waiting = in.waiting() != null ? in.waiting() : pending.get(id);
    Tally stored = tallies.get(id);
    Tally tally =
        in.band() == null ? stored : (stored == null ? Tally.EMPTY : stored).add(in.band());
    StoryAnswer story = in.story() != null ? in.story() : stories.get(id);
    if (!complete(waiting, tally, story)) {
      if (in.waiting() != null) {
        pending.put(id, waiting);
      } else if (in.band() != null) {
        tallies.put(id, tally);
      } else {
        stories.put(id, story);
      }
      return;
    }
    // Only what was stored is deleted: each delete costs a changelog record.
    if (in.waiting() == null) {
      pending.delete(id);
    }
    if (stored != null) {
      tallies.delete(id);
    }
    if (in.story() == null) {
      stories.delete(id);
    }
    EnrichedArticle article =
        NearDuplicateTopology.ARTICLE_CODEC.decode(Arrays.copyOfRange(waiting, 1, waiting.length));
    if (tally != null
        && tally.bestId() != null
        && !tally.bestId().equals(id)
        && article.getDuplicateOf() == null) {
      article.setDuplicateOf(tally.bestId());
      article.setDuplicateKind("near");
    }
    story.applyTo(article);
    context.forward(record.withValue(article));
  }

  private boolean complete(byte[] waiting, Tally tally, StoryAnswer story) {
    if (waiting == null || story == null) {
      return false;
    }
    int expected = waiting[0] == 1 ? bands : 0;
    return (tally == null ? 0 : tally.received()) >= expected;
  }
}
