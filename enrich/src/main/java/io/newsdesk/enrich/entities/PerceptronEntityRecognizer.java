package io.newsdesk.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Averaged structured-perceptron sequence tagger over BILOU labels with Viterbi decoding, rich
 * lexical features, gazetteers, GloVe word classes and document-level label history, in two stages
 * (the second sees how the first tagged the same words elsewhere in the document). Immutable and
 * thread-safe once loaded.
 */
public final class PerceptronEntityRecognizer implements EntityRecognizer {

  /** Classpath location of the shipped English model. */
  public static final String DEFAULT_MODEL = "/io/newsdesk/enrich/entities/ner-en.bin.gz";

  private static final Logger log = LoggerFactory.getLogger(PerceptronEntityRecognizer.class);

  private final NerModel model;
  private final NerModel stage2;
  private final NerFeatures features;
  private final FusedStages fused;

  PerceptronEntityRecognizer(NerModel model, NerModel stage2, Gazetteer gazetteer) {
    this.model = model;
    this.stage2 = stage2;
    this.fused =
        stage2 != null && model.quantised() != null && stage2.quantised() != null
            ? new FusedStages(model, stage2)
            : null;
    this.features = new NerFeatures(gazetteer, model.clusters);
  }

  /** The shipped English model. */
  public static PerceptronEntityRecognizer loadDefault() {
    try (InputStream in = PerceptronEntityRecognizer.class.getResourceAsStream(DEFAULT_MODEL)) {
      if (in == null) {
        throw new IllegalStateException("missing model resource " + DEFAULT_MODEL);
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_MODEL, e);
    }
  }

  /** A model written by {@code newsdesk train ner}. */
  public static PerceptronEntityRecognizer load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in);
    }
  }

  /** A model from a stream (gzipped, as written by the trainer). */
  public static PerceptronEntityRecognizer load(InputStream in) throws IOException {
    long t0 = System.nanoTime();
    NerModel[] stages = NerModel.readAll(in);
    NerModel model = stages[0];
    PerceptronEntityRecognizer r =
        new PerceptronEntityRecognizer(
            model, stages.length > 1 ? stages[1] : null, Gazetteer.loadDefault());
    log.info(
        "Loaded NER model {} ({} features) in {} ms",
        model.version,
        model.features(),
        (System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  @Override
  public List<String[]> tagDocument(List<String[]> sentences) {
    int[][] labels;
    if (fused != null) {
      // The fused stages score each word's word-local features once per word, not per token.
      labels = fused.tag(features, features.prepare(sentences, false));
    } else {
      labels = stagewise(features.prepare(sentences));
    }
    List<String[]> out = new ArrayList<>(labels.length);
    for (int[] l : labels) {
      out.add(Labels.toIob2(l));
    }
    return out;
  }

  /** Runs the stages one after the other (used while training, before weights are quantised). */
  int[][] stagewise(NerFeatures.Doc doc) {
    int[][] labels = ViterbiDecoder.decode(features, doc, null, model::score, null, null);
    if (stage2 != null) {
      labels =
          ViterbiDecoder.decode(
              features, features.withStage1(doc, labels), null, stage2::score, null, null);
    }
    return labels;
  }

  @Override
  public String version() {
    return model.version;
  }

  WordClusters clusters() {
    return model.clusters;
  }

  int featureCount() {
    return model.features() + (stage2 == null ? 0 : stage2.features());
  }
}
