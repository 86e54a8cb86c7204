package io.newsdesk.enrich.stories;

import io.newsdesk.enrich.dedup.Wire;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * The story assigner's answer to one article's probe: the story id, and the person entities the
 * story renames (a bare surname taking the key and name of the story's one person of that name).
 */
public record StoryAnswer(String storyId, List<Rename> renames) {

  /** The entity at {@code index} of the article's entities takes this key and canonical name. */
  public record Rename(int index, String key, String canonical) {}

  public static final Serde<StoryAnswer> SERDE =
      Wire.serde(
          (a, out) -> {
            out.writeUTF(a.storyId);
            out.writeShort(a.renames.size());
            for (Rename r : a.renames) {
              out.writeShort(r.index());
              out.writeUTF(r.key());
              out.writeUTF(r.canonical());
            }
          },
          in -> {
            String storyId = in.readUTF();
            List<Rename> renames = new ArrayList<>();
            for (int n = in.readUnsignedShort(); n > 0; n--) {
              renames.add(new Rename(in.readUnsignedShort(), in.readUTF(), in.readUTF()));
            }
            return new StoryAnswer(storyId, renames);
          });

  /** Sets the story id on the article and renames its entities as the story says. */
  public void applyTo(EnrichedArticle article) {
    List<Entity> entities = article.getEntities();
    for (Rename r : renames) {
      Entity e = entities.get(r.index());
      e.setKey(r.key());
      e.setCanonical(r.canonical());
    }
    article.setStoryId(storyId);
  }
}
