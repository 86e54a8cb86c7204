package io.newsdesk.enrich;

import io.newsdesk.enrich.entities.EntityTagger;
import io.newsdesk.enrich.extract.ArticleExtractor;
import io.newsdesk.enrich.extract.ExtractionException;
import io.newsdesk.enrich.sentiment.SentimentAnnotator;
import io.newsdesk.schema.Article;
import io.newsdesk.schema.Entity;
import io.newsdesk.schema.EntitySentiment;
import io.newsdesk.schema.Mention;
import io.newsdesk.schema.RawDocument;
import io.newsdesk.schema.Tone;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small, predictable stand-ins for the models, so topology tests check the wiring: the first line
 * of a body is its title, capitalised words are entities.
 */
public final class TestComponents {

  private TestComponents() {}

  public static EnrichComponents create() {
    return new EnrichComponents(
        new FirstLineExtractor(), new CapitalsTagger(), new NeutralSentiment());
  }

  static final class FirstLineExtractor implements ArticleExtractor {
    @Override
    public Article extract(RawDocument doc) throws ExtractionException {
      String body = StandardCharsets.UTF_8.decode(doc.getBody().duplicate()).toString().strip();
      if (body.isEmpty()) {
        throw new ExtractionException(ExtractionException.Reason.NOT_AN_ARTICLE, "empty body");
      }
      int nl = body.indexOf('\n');
      return Article.newBuilder()
          .setId(doc.getId())
          .setUrl(doc.getUrl())
          .setCanonicalUrl(doc.getCanonicalUrl())
          .setSource(doc.getSource())
          .setArrival(doc.getArrival())
          .setFetchedAt(doc.getFetchedAt())
          .setTitle(nl < 0 ? body : body.substring(0, nl))
          .setText(nl < 0 ? body : body.substring(nl + 1).strip())
          .setExtractor("first-line/test")
          .build();
    }

    @Override
    public String version() {
      return "first-line/test";
    }
  }

  static final class CapitalsTagger implements EntityTagger {
    private static final Pattern CAPS = Pattern.compile("\\b[A-Z][a-z]+\\b");

    @Override
    public List<Entity> tag(String title, String text) {
      List<Entity> out = new ArrayList<>();
      Matcher m = CAPS.matcher(text);
      while (m.find()) {
        out.add(
            Entity.newBuilder()
                .setKey("MISC:" + m.group().toLowerCase())
                .setCanonical(m.group())
                .setType("MISC")
                .setMentions(List.of(new Mention(m.group(), m.start(), m.end())))
                .setCount(1)
                .build());
      }
      return out;
    }

    @Override
    public String version() {
      return "capitals/test";
    }
  }

  static final class NeutralSentiment implements SentimentAnnotator {
    @Override
    public Tone tone(String text) {
      return new Tone(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, text.split("\\s+").length);
    }

    @Override
    public void annotate(String text, List<Entity> entities) {
      entities.forEach(e -> e.setSentiment(new EntitySentiment("neutral", 0.0)));
    }

    @Override
    public String version() {
      return "neutral/test";
    }
  }
}
