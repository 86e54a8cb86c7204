#!/usr/bin/env bash
# Rebuilds the compact name lists NewsNameRules reads, from the gazetteers in ../shared/data:
#   news-places-en.tsv.gz       COUNTRY / CAPITAL / REGION / CITY names (GeoNames, CC BY 4.0)
#   news-first-names-en.txt.gz  given names with at least 150 US births since 1930 (SSA, public domain)
# Usage: enrich/scripts/build-news-gazetteers.sh [GAZETTEER_DIR]   (default ../shared/data/gazetteers)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:-$here/../../shared/data/gazetteers}"
out="$here/src/main/resources/io/newsdesk/enrich/entities"
export LC_ALL=C
{
  grep -v '^#' "$src/geonames/countryInfo.tsv" | awk -F'\t' '{print "COUNTRY\t"$5; if ($6 != "") print "CAPITAL\t"$6}'
  grep -v '^#' "$src/geonames/regionInfo.tsv" | awk -F'\t' '{print "REGION\t"$2; if ($3 != $2) print "REGION\t"$3}'
  # Cities of at least 100,000 people, by name and ASCII name; population kept for the caller's cut-off.
  zcat "$src/geonames/cities15000.txt.gz" | awk -F'\t' '$15 >= 100000 {print "CITY\t"$2"\t"$15; if ($3 != $2) print "CITY\t"$3"\t"$15}'
} | awk -F'\t' 'length($2) > 1' | sort -u | gzip -9n > "$out/news-places-en.tsv.gz"
awk -F'\t' '!/^#/ && $2 >= 150 {print $1}' "$src/names/us-first-names.tsv" | sort -u | gzip -9n > "$out/news-first-names-en.txt.gz"
ls -l "$out/news-places-en.tsv.gz" "$out/news-first-names-en.txt.gz"
