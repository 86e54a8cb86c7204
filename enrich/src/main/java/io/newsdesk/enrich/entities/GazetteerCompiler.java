package io.newsdesk.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compiles open name lists (the layout of {@code ../shared/data/gazetteers}: GeoNames cities,
 * countries and regions, US first names and surnames, SEC-listed companies, football clubs) into
 * the gzipped, pre-tokenised {@code CATEGORY<TAB>phrase|phrase} resource {@link Gazetteer} reads.
 * Each list becomes its own categories, used as match features (type evidence), never as labels.
 * Deterministic: the same files give the same bytes.
 */
public final class GazetteerCompiler {

  /** Given names with at least this many US births (1930 on) are listed. */
  static final int MIN_BIRTHS = 2_000;

  /** Surnames up to this rank are "common"; the rest of the 1990 census list is "rare". */
  static final int COMMON_SURNAMES = 5_000;

  private static final Pattern LATIN = Pattern.compile("[\\p{IsLatin}][\\p{IsLatin} .'&-]*");
  private static final Pattern COMPANY_SUFFIX =
      Pattern.compile(
          "(?i)[ ,]+(inc|corp|corporation|co|company|ltd|limited|plc|llc|lp|l\\.p|sa|s\\.a|nv|n\\.v"
              + "|ag|se|holdings?|group|trust|bancorp|/[a-z]+/?)\\.?$");

  private GazetteerCompiler() {}

  /** Compiles the lists under {@code dir} and writes the resource to {@code out}. */
  public static void compile(Path dir, Path out) throws IOException {
    Map<String, TreeSet<String>> lists = lists(dir);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      write(lists, os);
    }
  }

  static void write(Map<String, TreeSet<String>> lists, OutputStream os) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
    Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
    w.write(
        "# Compiled by `newsdesk train gazetteers` from ../shared/data/gazetteers: GeoNames"
            + " (geonames.org, CC BY 4.0), US SSA first names and 1990 Census surnames (public"
            + " domain), SEC EDGAR company names (public domain), openfootball clubs (CC0).\n");
    for (var e : lists.entrySet()) {
      // One line per 2,000 phrases keeps lines short for readers and diffs.
      List<String> all = new ArrayList<>(e.getValue());
      for (int from = 0; from < all.size(); from += 2000) {
        w.write(e.getKey());
        w.write('\t');
        w.write(String.join("|", all.subList(from, Math.min(all.size(), from + 2000))));
        w.write('\n');
      }
    }
    w.flush();
    gz.finish();
  }

  /** Category to pre-tokenised, lower-cased phrases. */
  static Map<String, TreeSet<String>> lists(Path dir) throws IOException {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    geonames(dir.resolve("geonames"), out);
    names(dir.resolve("names"), out);
    companies(dir.resolve("companies/sec-company-tickers-exchange.json"), out);
    clubs(dir.resolve("football-clubs"), out);
    return out;
  }

  private static void put(Map<String, TreeSet<String>> out, String category, String phrase) {
    if (phrase == null) {
      return;
    }
    phrase = phrase.strip();
    if (phrase.length() < 2 || !LATIN.matcher(phrase).matches()) {
      return;
    }
    List<String> toks = Gazetteer.tokens(phrase);
    if (toks.isEmpty() || toks.size() > 8) {
      return;
    }
    String joined = String.join(" ", toks);
    if (joined.indexOf('|') >= 0) {
      return;
    }
    out.computeIfAbsent(category, k -> new TreeSet<>()).add(joined);
  }

  private static BufferedReader reader(Path file) throws IOException {
    var in = Files.newInputStream(file);
    var body = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
  }

  private static void geonames(Path dir, Map<String, TreeSet<String>> out) throws IOException {
    try (BufferedReader r = reader(dir.resolve("cities15000.txt.gz"))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        if (f.length < 15) {
          continue;
        }
        long population = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
        String big = population >= 100_000 ? "GEO_CITY_BIG" : "GEO_CITY";
        put(out, big, f[1]);
        put(out, big, f[2]);
        for (String alt : f[3].split(",")) {
          // Alternate names in Latin script that read as names (capitalised), not codes.
          if (alt.length() >= 3
              && Character.isUpperCase(alt.charAt(0))
              && !alt.equals(alt.toUpperCase(Locale.ROOT))) {
            put(out, "GEO_CITY_ALT", alt);
          }
        }
      }
    }
    try (BufferedReader r = reader(dir.resolve("countryInfo.tsv"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length > 5) {
          put(out, "GEO_COUNTRY", f[4]);
          put(out, "GEO_CAPITAL", f[5]);
        }
      }
    }
    try (BufferedReader r = reader(dir.resolve("regionInfo.tsv"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length > 2) {
          put(out, "GEO_REGION", f[1]);
          put(out, "GEO_REGION", f[2]);
        }
      }
    }
  }

  private static void names(Path dir, Map<String, TreeSet<String>> out) throws IOException {
    try (BufferedReader r = reader(dir.resolve("us-first-names.tsv"))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length >= 3 && Long.parseLong(f[1]) >= MIN_BIRTHS) {
          put(out, Double.parseDouble(f[2]) >= 0.5 ? "FIRST_F" : "FIRST_M", f[0]);
        }
      }
    }
    try (BufferedReader r = reader(dir.resolve("us-surnames-1990.tsv"))) {
      int rank = 0;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) {
          continue;
        }
        rank++;
        String name = line.split("\t")[0];
        put(out, rank <= COMMON_SURNAMES ? "SURNAME" : "SURNAME_RARE", capitalise(name));
      }
    }
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
  }

  private static final Pattern SEC_ROW = Pattern.compile("\\[\\d+,\"((?:[^\"\\\\]|\\\\.)*)\",");

  private static void companies(Path file, Map<String, TreeSet<String>> out) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    Matcher m = SEC_ROW.matcher(json);
    while (m.find()) {
      String name = m.group(1).replace("\\\"", "\"").replace("\\u0026", "&");
      put(out, "COMPANY_FULL", name);
      String core = name;
      for (int k = 0; k < 3; k++) {
        Matcher s = COMPANY_SUFFIX.matcher(core);
        if (!s.find()) {
          break;
        }
        core = core.substring(0, s.start()).strip();
      }
      if (!core.equals(name) && core.length() >= 3) {
        put(out, "COMPANY", core);
      }
    }
  }

  private static void clubs(Path dir, Map<String, TreeSet<String>> out) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".clubs.txt")).sorted().toList();
    }
    for (Path p : files) {
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        String t = line.strip();
        int hash = t.indexOf('#');
        if (hash >= 0) {
          t = t.substring(0, hash).strip();
        }
        if (t.isEmpty() || t.startsWith("=")) {
          continue;
        }
        if (t.startsWith("|")) {
          for (String alt : t.substring(1).split("\\|")) {
            put(out, "CLUB", alt);
          }
        } else {
          int comma = t.indexOf(',');
          put(out, "CLUB", comma < 0 ? t : t.substring(0, comma));
        }
      }
    }
  }
}
