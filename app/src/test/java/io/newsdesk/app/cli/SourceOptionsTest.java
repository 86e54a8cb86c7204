package io.newsdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.schema.Source;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `sources add` and `sources import` take the same kind, interval and tag options. */
class SourceOptionsTest {

  @Test
  void anImportedListGetsTheIntervalAndTagsAnAddedSourceGets() {
    SourcesCommand.Add add = new SourcesCommand.Add();
    new CommandLine(add)
        .parseArgs("https://news.example/feed.xml", "--interval", "5s", "--tag", "local");
    SourcesCommand.Import imp = new SourcesCommand.Import();
    new CommandLine(imp).parseArgs("list.txt", "--interval", "5s", "--tag", "local");

    Source added = add.options.source("https://news.example/feed.xml", add.options.kind);
    Source imported = imp.options.source("https://news.example/feed.xml", imp.options.kind);

    assertThat(imported.getMinIntervalMs()).isEqualTo(5_000L).isEqualTo(added.getMinIntervalMs());
    assertThat(imported.getMaxIntervalMs()).isEqualTo(5_000L);
    assertThat(imported.getTags()).containsExactly("local");
    assertThat(imported.getKind()).isEqualTo("feed");
  }

  @Test
  void aMaximumIntervalWidensTheRangeAndDefaultsStayIngests() {
    SourcesCommand.Import imp = new SourcesCommand.Import();
    new CommandLine(imp).parseArgs("list.txt", "--interval", "1m", "--max-interval", "2h");
    Source s = imp.options.source("https://news.example/sitemap.xml", "sitemap");
    assertThat(s.getMinIntervalMs()).isEqualTo(60_000L);
    assertThat(s.getMaxIntervalMs()).isEqualTo(7_200_000L);

    SourcesCommand.Add plain = new SourcesCommand.Add();
    new CommandLine(plain).parseArgs("https://news.example/feed.xml");
    Source d = plain.options.source("https://news.example/feed.xml", plain.options.kind);
    assertThat(d.getMinIntervalMs()).isNull();
    assertThat(d.getMaxIntervalMs()).isNull();
  }

  @Test
  void aMalformedIntervalIsRefusedBeforeAnySourceIsMade() {
    SourcesCommand.Import imp = new SourcesCommand.Import();
    new CommandLine(imp).parseArgs("list.txt", "--interval", "soon");
    assertThatThrownBy(imp.options::maxInterval).isInstanceOf(RuntimeException.class);
  }
}
