package io.newsdesk.enrich.stories;

import io.newsdesk.enrich.dedup.Wire;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the story assigner needs of one article, computed where the article is: its id, title, tone,
 * story features, and its people (to resolve bare surnames against the story). A few hundred bytes
 * travel to the single assigner partition instead of the whole article.
 */
record StoryProbe(
    String articleId, String title, Double tone, StoryFeatures features, List<Person> people) {

  /** A person entity of the article: its position in the article's entities, key and name. */
  record Person(int index, String key, String canonical) {}

  static StoryProbe of(EnrichedArticle a, int salientEntities) {
    List<Person> people = new ArrayList<>();
    List<Entity> entities = a.getEntities();
    for (int i = 0; i < entities.size(); i++) {
      Entity e = entities.get(i);
      if (e.getType().equals("PER")) {
        people.add(new Person(i, e.getKey(), e.getCanonical()));
      }
    }
    return new StoryProbe(
        a.getArticle().getId(),
        a.getArticle().getTitle(),
        a.getTone() == null ? null : a.getTone().getTone(),
        StoryFeatures.of(a, salientEntities),
        people);
  }

  /** The people as fresh entities, for {@link StoryNames#resolve(List, Map)} to rewrite. */
  List<Entity> personEntities() {
    List<Entity> out = new ArrayList<>(people.size());
    for (Person p : people) {
      out.add(entity(p.key(), p.canonical(), "PER"));
    }
    return out;
  }

  private static Entity entity(String key, String canonical, String type) {
    return new Entity(key, canonical, type, List.of(), 0, 0.0, null);
  }

  static final Serde<StoryProbe> SERDE = Wire.serde(StoryProbe::write, StoryProbe::read);

  private static void write(StoryProbe p, DataOutputStream out) throws IOException {
    out.writeUTF(p.articleId);
    Wire.writeNullable(out, p.title);
    out.writeBoolean(p.tone != null);
    if (p.tone != null) {
      out.writeDouble(p.tone);
    }
    StoryFeatures f = p.features;
    // In iteration order, so that the maps read back iterate (and sum) in the same order.
    out.writeShort(f.entities().size());
    for (Map.Entry<String, Double> e : f.entities().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
    out.writeShort(f.named().size());
    for (Map.Entry<String, Entity> e : f.named().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue().getCanonical());
      out.writeUTF(e.getValue().getType());
    }
    out.writeShort(f.terms().size());
    for (Map.Entry<String, Double> e : f.terms().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
    out.writeShort(p.people.size());
    for (Person person : p.people) {
      out.writeShort(person.index());
      out.writeUTF(person.key());
      out.writeUTF(person.canonical());
    }
  }

  private static StoryProbe read(DataInputStream in) throws IOException {
    String id = in.readUTF();
    String title = Wire.readNullable(in);
    Double tone = in.readBoolean() ? in.readDouble() : null;
    Map<String, Double> entities = new LinkedHashMap<>();
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      entities.put(in.readUTF(), in.readDouble());
    }
    Map<String, Entity> named = new HashMap<>();
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      String key = in.readUTF();
      named.put(key, entity(key, in.readUTF(), in.readUTF()));
    }
    Map<String, Double> terms = new HashMap<>();
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      terms.put(in.readUTF(), in.readDouble());
    }
    List<Person> people = new ArrayList<>();
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      people.add(new Person(in.readUnsignedShort(), in.readUTF(), in.readUTF()));
    }
    return new StoryProbe(id, title, tone, new StoryFeatures(entities, named, terms), people);
  }
}
