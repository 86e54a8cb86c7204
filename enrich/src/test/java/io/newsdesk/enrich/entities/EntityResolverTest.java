package io.newsdesk.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.schema.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityResolverTest {

  @Test
  void prefersTheMixedCaseFormOverAnAllCapsDatelineAsCanonicalName() {
    List<Entity> entities =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("LOC", "TRIPOLI", 0, 7, false, true),
                new EntityResolver.RawMention("LOC", "TRIPOLI", 200, 207, false, false),
                new EntityResolver.RawMention("LOC", "Tripoli", 90, 97, false, true)));
    assertThat(entities).hasSize(1);
    assertThat(entities.get(0).getCanonical()).isEqualTo("Tripoli");
    assertThat(entities.get(0).getCount()).isEqualTo(3);
  }

  @Test
  void writesAPlaceOnlyEverSeenInAnAllCapsDatelineInMixedCase() {
    List<Entity> entities =
        EntityResolver.resolve(
            List.of(new EntityResolver.RawMention("LOC", "KHARTOUM", 0, 8, false, true)));
    assertThat(entities.get(0).getCanonical()).isEqualTo("Khartoum");
    assertThat(entities.get(0).getKey()).isEqualTo("LOC:khartoum");
  }

  @Test
  void writesAPlaceOfSeveralWordsOnlySeenInADatelineInMixedCase() {
    List<Entity> entities =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("LOC", "PORT ELLEN", 0, 10, false, true),
                new EntityResolver.RawMention("LOC", "EL ALTO", 40, 47, false, true),
                new EntityResolver.RawMention("LOC", "U.S. ZONE", 80, 89, false, false)));
    assertThat(entities)
        .extracting(Entity::getCanonical)
        .containsExactlyInAnyOrder("Port Ellen", "El Alto", "U.S. ZONE");
  }

  @Test
  void aLoneWordOfTheOnlyProductHoldingItIsThatProduct() {
    List<Entity> entities =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("MISC", "Nissan Kestrel", 0, 14, false, true),
                new EntityResolver.RawMention("MISC", "Kestrel", 60, 67, false, false),
                new EntityResolver.RawMention("MISC", "Norvian", 90, 97, false, false),
                new EntityResolver.RawMention("MISC", "Norvian Cup", 120, 131, false, false)));
    assertThat(entities)
        .extracting(Entity::getCanonical, Entity::getCount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Nissan Kestrel", 2),
            org.assertj.core.groups.Tuple.tuple("Norvian", 1),
            org.assertj.core.groups.Tuple.tuple("Norvian Cup", 1));
  }

  @Test
  void aCompanyNamedWithAndWithoutItsLegalFormIsOneEntity() {
    List<Entity> entities =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("ORG", "Halvorsen Marine ASA", 0, 20, false, true),
                new EntityResolver.RawMention("ORG", "Halvorsen Marine", 60, 76, false, false),
                new EntityResolver.RawMention("ORG", "Halvorsen Marine", 90, 106, false, false)));
    assertThat(entities).hasSize(1);
    assertThat(entities.get(0).getCanonical()).isEqualTo("Halvorsen Marine ASA");
    assertThat(entities.get(0).getKey()).isEqualTo("ORG:halvorsen marine");
    assertThat(entities.get(0).getCount()).isEqualTo(3);
  }

  @Test
  void aLoneWordJoinsTheOneOrganisationItHeads() {
    List<Entity> one =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("ORG", "Harbour Commission", 0, 18, false, true),
                new EntityResolver.RawMention("ORG", "Commission", 60, 70, false, false)));
    assertThat(one).hasSize(1);
    assertThat(one.get(0).getCanonical()).isEqualTo("Harbour Commission");
    assertThat(one.get(0).getCount()).isEqualTo(2);

    // Two courts: "Court" could be either, so it stays its own.
    List<Entity> two =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("ORG", "General Court", 0, 13, false, true),
                new EntityResolver.RawMention("ORG", "Appeal Court", 30, 42, false, true),
                new EntityResolver.RawMention("ORG", "Court", 60, 65, false, false)));
    assertThat(two).extracting(Entity::getKey).contains("ORG:court");
  }

  @Test
  void anAcronymGlossingTheNameBeforeItJoinsItWhateverItsInitials() {
    List<EntityResolver.RawMention> mentions =
        List.of(
            new EntityResolver.RawMention("ORG", "Vrije Boeren Partij", 4, 23, false, true),
            new EntityResolver.RawMention("ORG", "VBB", 25, 28, false, true),
            new EntityResolver.RawMention("ORG", "VBB", 80, 83, false, false));
    List<Entity> glossed = EntityResolver.resolve(mentions, List.of(new int[] {0, 1}));
    assertThat(glossed).hasSize(1);
    assertThat(glossed.get(0).getCanonical()).isEqualTo("Vrije Boeren Partij");
    assertThat(glossed.get(0).getCount()).isEqualTo(3);
    // Without the gloss the initials (VBP) do not match: two entities.
    assertThat(EntityResolver.resolve(mentions)).hasSize(2);
  }

  @Test
  void keepsAnAcronymInCapitals() {
    List<Entity> entities =
        EntityResolver.resolve(
            List.of(new EntityResolver.RawMention("ORG", "OPEC", 0, 4, false, true)));
    assertThat(entities.get(0).getCanonical()).isEqualTo("OPEC");
  }

  @Test
  void ofEquallyFullMixedCaseFormsTheMostFrequentThenTheEarliestIsCanonical() {
    List<Entity> frequent =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("PER", "al Sudani", 0, 9, false, true),
                new EntityResolver.RawMention("PER", "Al-Sudani", 50, 59, false, false),
                new EntityResolver.RawMention("PER", "Al-Sudani", 90, 99, false, false)));
    assertThat(frequent).hasSize(1);
    assertThat(frequent.get(0).getCanonical()).isEqualTo("Al-Sudani");
    List<Entity> tied =
        EntityResolver.resolve(
            List.of(
                new EntityResolver.RawMention("PER", "al Sudani", 0, 9, false, true),
                new EntityResolver.RawMention("PER", "Al-Sudani", 50, 59, false, false)));
    assertThat(tied.get(0).getCanonical()).isEqualTo("al Sudani");
    assertThat(tied.get(0).getCount()).isEqualTo(2);
  }
}
