package io.newsdesk.enrich.sentiment;

import java.nio.file.Path;
import java.util.List;

/** Grid search over training settings, scored on NewsMTSC's dev sets (run by hand). */
public final class SentimentTuning {

  private SentimentTuning() {}

  private static double[] doubles(String name, String defaults) {
    return java.util.Arrays.stream(System.getProperty(name, defaults).split(","))
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment/newsmtsc");
    List<NewsMtsc.Line> train = NewsMtsc.read(dir.resolve("train.jsonl"));
    List<NewsMtsc.Line> rw = NewsMtsc.read(dir.resolve("dev-rw/dev.jsonl"));
    List<NewsMtsc.Line> mt = NewsMtsc.read(dir.resolve("dev-mt/dev.jsonl"));
    SentimentTrainer.Config base =
        SentimentTrainer.Config.defaults()
            .withAverage(Boolean.parseBoolean(System.getProperty("avg", "false")))
            .withMinCount(Integer.getInteger("minCount", 1))
            .withBits(Integer.getInteger("bits", 20))
            .withClassWeightPower(Double.parseDouble(System.getProperty("cwp", "1")))
            .withHidden(Integer.getInteger("hidden", SentimentTrainer.Config.defaults().hidden()))
            .withNetRate(
                Double.parseDouble(
                    System.getProperty(
                        "netRate", "" + SentimentTrainer.Config.defaults().netRate())))
            .withNetL2(
                Double.parseDouble(
                    System.getProperty("netL2", "" + SentimentTrainer.Config.defaults().netL2())))
            .withMembers(
                Integer.getInteger("members", SentimentTrainer.Config.defaults().members()))
            .withEpochs(Integer.getInteger("ep", SentimentTrainer.Config.defaults().epochs()))
            .withL2(
                Double.parseDouble(
                    System.getProperty("sl2", "" + SentimentTrainer.Config.defaults().l2())))
            .withRate(
                Double.parseDouble(
                    System.getProperty("srate", "" + SentimentTrainer.Config.defaults().rate())));
    // Pseudo-labelled targets (newsdesk train sentiment-pseudo-labels) join every fit; the
    // held-out folds stay gold only.
    String pseudoFile = System.getProperty("pseudo");
    List<NewsMtsc.Line> pseudoLines =
        pseudoFile == null ? List.of() : NewsMtsc.read(Path.of(pseudoFile));
    // pseudoFrom=newsmtsc: only names found in NewsMTSC train sentences; =other: only the rest.
    String from = System.getProperty("pseudoFrom", "all");
    pseudoLines =
        pseudoLines.stream()
            .filter(
                l -> from.equals("all") || l.json().has("train_line") == from.equals("newsmtsc"))
            .toList();
    int pseudoLimit = Integer.getInteger("pseudoLimit", Integer.MAX_VALUE);
    if (pseudoLines.size() > pseudoLimit) {
      pseudoLines = pseudoLines.subList(0, pseudoLimit);
    }
    SentimentTrainer.Pseudo pseudo =
        new SentimentTrainer.Pseudo(
            Double.parseDouble(System.getProperty("pseudoWeight", "1")),
            Double.parseDouble(System.getProperty("pseudoMin", "0")),
            Boolean.parseBoolean(System.getProperty("pseudoSoft", "true")),
            Boolean.getBoolean("pseudoBalanced"));
    if (Integer.getInteger("cv", 0) > 1) {
      int folds = Integer.getInteger("cv");
      double f1 = 0;
      double acc = 0;
      // Out-of-fold confusion per shift of the neutral and positive biases: a bias choice for
      // macro-F1 made on train alone.
      float[] shifts = {-0.4f, -0.2f, 0f, 0.2f, 0.4f};
      int[][][][] shifted = new int[shifts.length][shifts.length][3][3];
      for (int f = 0; f < folds; f++) {
        List<NewsMtsc.Line> fit = new java.util.ArrayList<>();
        List<NewsMtsc.Line> held = new java.util.ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
          (i % folds == f ? held : fit).add(train.get(i));
        }
        // Names found in a held-out sentence stay out with it.
        int fold = f;
        List<NewsMtsc.Line> fitPseudo =
            pseudoLines.stream()
                .filter(l -> l.json().path("train_line").asInt(-1) % folds != fold)
                .toList();
        TargetSentiment m =
            TargetSentiment.fromBytes(
                SentimentTrainer.serialize(SentimentTrainer.train(fit, fitPseudo, base, pseudo)));
        var r = SentimentEvaluation.evaluate(m, held);
        System.out.printf("fold %d F1m %.4f acc %.4f%n", f, r.macroF1(), r.accuracy());
        LinearModel lm = m.model();
        float b1 = lm.bias[1];
        float b2 = lm.bias[2];
        for (int a = 0; a < shifts.length; a++) {
          for (int b = 0; b < shifts.length; b++) {
            lm.bias[1] = b1 + shifts[a];
            lm.bias[2] = b2 + shifts[b];
            int[][] c = SentimentEvaluation.evaluate(m, held).confusion();
            for (int g = 0; g < 3; g++) {
              for (int p = 0; p < 3; p++) {
                shifted[a][b][g][p] += c[g][p];
              }
            }
          }
        }
        lm.bias[1] = b1;
        lm.bias[2] = b2;
        f1 += r.macroF1() / folds;
        acc += r.accuracy() / folds;
      }
      System.out.printf("cv %d folds: F1m %.4f acc %.4f%n", folds, f1, acc);
      for (int a = 0; a < shifts.length; a++) {
        for (int b = 0; b < shifts.length; b++) {
          System.out.printf(
              "  out-of-fold, shift neutral %+.1f positive %+.1f: F1m %.4f%n",
              shifts[a], shifts[b], SentimentEvaluation.score(shifted[a][b]).macroF1());
        }
      }
      return;
    }
    double[] l2s = doubles("l2", "" + base.l2());
    int[] epochs =
        java.util.Arrays.stream(doubles("epochs", "" + base.epochs()))
            .mapToInt(d -> (int) d)
            .toArray();
    double[] rates = doubles("rates", "0.02");
    if (args.length > 1 && args[1].equals("default")) {
      l2s = new double[] {base.l2()};
      epochs = new int[] {base.epochs()};
      rates = new double[] {base.rate()};
    }
    for (double l2 : l2s) {
      for (int e : epochs) {
        for (double r : rates) {
          SentimentTrainer.Config c = base.withL2(l2).withEpochs(e).withRate(r);
          long t0 = System.nanoTime();
          byte[] bytes =
              SentimentTrainer.serialize(SentimentTrainer.train(train, pseudoLines, c, pseudo));
          TargetSentiment m = TargetSentiment.fromBytes(bytes);
          if (Boolean.getBoolean("shifts")) {
            LinearModel lm = m.model();
            float b1 = lm.bias[1];
            float b2 = lm.bias[2];
            for (float dn = -0.6f; dn <= 0.61f; dn += 0.2f) {
              for (float dp = -0.6f; dp <= 0.61f; dp += 0.2f) {
                lm.bias[1] = b1 + dn;
                lm.bias[2] = b2 + dp;
                var x = SentimentEvaluation.evaluate(m, rw);
                var y = SentimentEvaluation.evaluate(m, mt);
                System.out.printf(
                    "  shift neu %+.1f pos %+.1f: rw %.4f mt %.4f mean %.4f%n",
                    dn, dp, x.macroF1(), y.macroF1(), (x.macroF1() + y.macroF1()) / 2);
              }
            }
            lm.bias[1] = b1;
            lm.bias[2] = b2;
          }
          var a = SentimentEvaluation.evaluate(m, rw);
          var b = SentimentEvaluation.evaluate(m, mt);
          System.out.printf(
              "l2=%g epochs=%d rate=%g  rw F1m %.4f acc %.4f | mt F1m %.4f acc %.4f | %d bytes"
                  + " %.1fs%n",
              l2,
              e,
              r,
              a.macroF1(),
              a.accuracy(),
              b.macroF1(),
              b.accuracy(),
              bytes.length,
              (System.nanoTime() - t0) / 1e9);
        }
      }
    }
  }
}
