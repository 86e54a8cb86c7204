package io.newsdesk.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsdesk.enrich.StoryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NearDuplicateEvalTest {

  @Test
  void everyKindOfEditedCopyOfAnArticleIsFlaggedAndNothingElse() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("wire", String.join("\n\n", StoryFixtures.WIRE_PARAGRAPHS));
    for (int i = 0; i < StoryFixtures.SAME_STORY.size(); i++) {
      bodies.put("same" + i, StoryFixtures.SAME_STORY.get(i));
    }
    for (int i = 0; i < StoryFixtures.UNRELATED.size(); i++) {
      bodies.put("other" + i, StoryFixtures.UNRELATED.get(i));
    }
    List<NearDuplicateEval.Doc> docs = NearDuplicateEval.corpus(bodies, 3);

    NearDuplicateEval.Result r = NearDuplicateEval.run(docs, NearDuplicateConfig.defaults());

    assertThat(r.copies()).isEqualTo(4 * NearDuplicateEval.Kind.values().length);
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.recall()).isGreaterThan(0.7);
  }

  @Test
  void onScrapingHubBodiesTheShippedThresholdKeepsPrecisionAndRecallHigh() throws Exception {
    String dir = System.getProperty("newsdesk.shared.dir");
    assumeTrue(dir != null, "set -Dnewsdesk.shared.dir to run on the ScrapingHub bodies");
    Path truth = Path.of(dir, "data/extraction/scrapinghub/ground-truth.json");
    assumeTrue(Files.isRegularFile(truth), "no ScrapingHub ground truth at " + truth);

    NearDuplicateEval.Result r =
        NearDuplicateEval.run(
            NearDuplicateEval.corpus(NearDuplicateEval.loadBodies(truth), 7),
            NearDuplicateConfig.defaults());

    assertThat(r.precision()).isGreaterThan(0.98);
    assertThat(r.recall()).isGreaterThan(0.95);
  }
}
