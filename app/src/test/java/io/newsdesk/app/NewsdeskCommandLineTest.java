package io.newsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command's flag names are a contract other tools script against. */
class NewsdeskCommandLineTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo",
        "run --bootstrap-servers k:9092 --data-dir d --feeds f.txt --urls u.txt --watch w --listen 8080 --out o",
        "run --once --feeds feeds.opml --sitemaps s.txt",
        "run --once --watch w",
        "ingest --bootstrap-servers k:9092 --feeds f.txt --instance-id a --once",
        "enrich --bootstrap-servers k:9092 --threads 2",
        "sink --bootstrap-servers k:9092 --out o --drop-duplicates --instance-id b",
        "extract page.html",
        "extract --batch dir --out out.jsonl",
        "tag -",
        "tag --conll eng.testa",
        "tag --conll eng.testa --rules none",
        "eval ner --conll eng.testa --rules",
        "eval ner --conll eng.testa --rules text --model m.bin.gz --train eng.train",
        "tag --targets dev.jsonl",
        "bench --documents 100",
        "bench --documents 100 --warmup auto",
        "bench --warmup 0",
        "eval extraction --help",
        "eval ner --help",
        "eval sentiment --help",
        "eval feeds --help",
        "train ner --help",
        "train sentiment --help",
        "train sentiment --pseudo p.jsonl --pseudo-weight 0.3 --pseudo-min-confidence 0.5"
            + " --pseudo-hard --pseudo-balanced",
        "train sentiment-pseudo-labels --sources newsmtsc,conll,articles --threads 2 --out p.jsonl"
      })
  void acceptsTheDocumentedFlags(String line) {
    assertThatCode(() -> Newsdesk.commandLine().parseArgs(line.split(" ")))
        .as(line)
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnUnknownFlagWithAClearMessageAndExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cli = Newsdesk.commandLine().setErr(new PrintWriter(err));
    int code = cli.execute("run", "--feed", "f.txt");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option").contains("'--feed'");
  }

  @Test
  void refusesOnceWithListenBecauseAPushReceiverNeedsARunningPipeline() {
    StringWriter err = new StringWriter();
    CommandLine cli = Newsdesk.commandLine().setErr(new PrintWriter(err));
    int code = cli.execute("run", "--once", "--listen", "8080");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--listen needs a running pipeline");
  }

  @Test
  void refusesAWarmUpThatIsNeitherACountNorAuto() {
    StringWriter err = new StringWriter();
    CommandLine cli = Newsdesk.commandLine().setErr(new PrintWriter(err));
    int code = cli.execute("bench", "--warmup", "soon");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--warmup takes a number of documents").contains("'soon'");
  }

  @Test
  void listsEveryStageInItsHelp() {
    String usage = Newsdesk.commandLine().getUsageMessage();
    for (String command :
        List.of(
            "demo", "run", "ingest", "enrich", "sink", "extract", "tag", "bench", "eval",
            "train")) {
      assertThat(usage).contains(command);
    }
  }
}
