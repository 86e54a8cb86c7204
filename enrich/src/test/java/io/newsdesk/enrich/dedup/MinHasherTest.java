package io.newsdesk.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.enrich.StoryFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  private final MinHasher hasher = new MinHasher(NearDuplicateConfig.defaults());

  @Test
  void theSameTextHasTheSameSignatureWhateverItsCaseAndPunctuation() {
    Signature a = hasher.signature(StoryFixtures.wire());
    Signature b = hasher.signature(StoryFixtures.wire().toUpperCase().replace(",", " ;"));
    assertThat(a.similarity(b)).isEqualTo(1.0);
    assertThat(Signature.similarity(a.sketch(), b.sketch())).isEqualTo(1.0);
  }

  @Test
  void aSyndicatedCopyIsSimilarAndAnotherStoryIsNot() {
    Signature wire = hasher.signature(StoryFixtures.wire());
    Signature copy = hasher.signature(StoryFixtures.syndicated());
    Signature other = hasher.signature(StoryFixtures.SAME_STORY.get(0));
    assertThat(wire.similarity(copy)).isGreaterThan(0.4);
    assertThat(wire.similarity(other)).isLessThan(0.2);
    assertThat(Signature.similarity(wire.sketch(), other.sketch())).isLessThan(0.2);
  }

  @Test
  void aTextTooShortToJudgeHasNoSignature() {
    assertThat(hasher.signature("Breaking news")).isNull();
    assertThat(hasher.signature("   ")).isNull();
  }

  @Test
  void similarTextsShareABandKey() {
    Signature wire = hasher.signature(StoryFixtures.wire());
    Signature copy = hasher.signature(StoryFixtures.syndicated());
    boolean shared = false;
    for (int b = 0; b < wire.bands(); b++) {
      shared |= wire.bandKey(b).equals(copy.bandKey(b));
    }
    assertThat(shared).isTrue();
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> NearDuplicateConfig.defaults().withRetention(Duration.ofHours(2)))
        .hasMessageContaining("enrich.near.retention");
    assertThatThrownBy(() -> NearDuplicateConfig.defaults().withThreshold(0))
        .hasMessageContaining("enrich.near.threshold");
    assertThatThrownBy(() -> new NearDuplicateConfig(3, 0, 4, 0.5, Duration.ofDays(1), 8))
        .hasMessageContaining("enrich.near.bands");
  }
}
