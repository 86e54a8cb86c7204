package io.newsdesk.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.enrich.ArticleEnricher;
import io.newsdesk.enrich.EnrichComponents;
import io.newsdesk.enrich.entities.ConllTagging;
import io.newsdesk.enrich.entities.EntityRecognizer;
import io.newsdesk.enrich.entities.PerceptronEntityRecognizer;
import io.newsdesk.enrich.sentiment.NewsMtscTagging;
import io.newsdesk.enrich.sentiment.TargetSentiment;
import io.newsdesk.enrich.sentiment.TargetSentimentModel;
import io.newsdesk.schema.Arrival;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.AvroJson;
import io.newsdesk.schema.EnrichedArticle;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.Mention;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsdesk tag}: entities and tone of a plain text, as JSON. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description =
        "Print the entities (offsets, canonical names, counts, sentiment) and tone of a plain text as JSON.")
public final class TagCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "Plain text file, or - for standard input.")
  String input;

  @Option(
      names = "--conll",
      paramLabel = "FILE",
      description =
          "Tag a CoNLL file: each line gets the predicted IOB2 tag as its last column (names"
              + " only; the recognizer followed by the news rules, see --rules).")
  Path conll;

  @picocli.CommandLine.Mixin NameRules rules;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "With --conll: the named-entity model to tag with, as `newsdesk train ner` writes it"
              + " (default: the shipped model).")
  Path model;

  @Option(
      names = "--targets",
      paramLabel = "FILE.jsonl",
      description =
          "Tag NewsMTSC lines: each target gets a predicted polarity (2.0 negative, 4.0 neutral, 6.0 positive).")
  Path targets;

  @picocli.CommandLine.Mixin SentimentOptions sentiment;

  @Override
  public Integer call() throws IOException {
    if (conll != null) {
      try (BufferedReader in = Files.newBufferedReader(conll, StandardCharsets.UTF_8)) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        EntityRecognizer recognizer =
            model == null
                ? PerceptronEntityRecognizer.loadDefault()
                : PerceptronEntityRecognizer.load(model);
        ConllTagging.tag(rules.apply(recognizer), in, out);
        out.flush();
      }
      return 0;
    }
    if (targets != null) {
      try (BufferedReader in = Files.newBufferedReader(targets, StandardCharsets.UTF_8)) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (!sentiment.precise()) {
          NewsMtscTagging.tag(TargetSentiment.standard(), in, out);
        } else {
          try (TargetSentimentModel m = sentiment.load()) {
            TargetSentimentModel.tag(m, in, out);
          }
        }
        out.flush();
      }
      return 0;
    }
    String text = read(input);
    EnrichedArticle tagged = tag(sentiment.apply(EnrichComponents.standard()), text);
    System.out.println(
        AvroJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(tagged)));
    return 0;
  }

  /** Entities and tone of {@code text}, as the enrich stage computes them. */
  static EnrichedArticle tag(EnrichComponents components, String text) {
    Article article =
        Article.newBuilder()
            .setId("tag")
            .setUrl("stdin:")
            .setSource("tag")
            .setArrival(Arrival.PUSH)
            .setFetchedAt(System.currentTimeMillis())
            .setText(text)
            .setExtractor("none")
            .build();
    return new ArticleEnricher(components).annotate(article, System.currentTimeMillis());
  }

  static ObjectNode toJson(EnrichedArticle tagged) {
    ObjectNode root = AvroJson.mapper().createObjectNode();
    ArrayNode entities = root.putArray("entities");
    for (Entity e : tagged.getEntities()) {
      Mention first = e.getMentions().isEmpty() ? null : e.getMentions().get(0);
      ObjectNode o = entities.addObject();
      o.put("text", first == null ? e.getCanonical() : first.getText());
      o.put("type", e.getType());
      o.put("canonical", e.getCanonical());
      o.put("key", e.getKey());
      if (first != null) {
        o.put("start", first.getStart());
        o.put("end", first.getEnd());
      }
      o.put("count", e.getCount());
      o.put("salience", e.getSalience());
      o.set("sentiment", e.getSentiment() == null ? null : AvroJson.toTree(e.getSentiment()));
      ArrayNode mentions = o.putArray("mentions");
      e.getMentions().forEach(m -> mentions.add(AvroJson.toTree(m)));
    }
    root.set("tone", tagged.getTone() == null ? null : AvroJson.toTree(tagged.getTone()));
    return root;
  }

  static String read(String input) throws IOException {
    if (input == null || input.equals("-")) {
      try (InputStream in = System.in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return Files.readString(Path.of(input), StandardCharsets.UTF_8);
  }
}
