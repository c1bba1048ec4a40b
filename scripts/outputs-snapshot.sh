#!/usr/bin/env bash
# Writes the CLI's outputs for the speed work's reference pages to a folder,
# so a change meant to be behaviour-neutral can be checked byte for byte:
#
#   bash scripts/outputs-snapshot.sh OUT_BEFORE        # before the change
#   bash scripts/outputs-snapshot.sh OUT_AFTER --diff OUT_BEFORE
#
# Pages: the 130 Readability test pages (the bench pages), the seed article and
# the first 60 wcxb-articles. Per page: `analyze` JSON with the shipped
# PolitiFact pack (every stage, matching included) and `extract --format json`.
# Built with the native profile (opt-level 3, like the benches).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
(($# == 1 || $# == 3)) || { echo "usage: $0 OUT_DIR [--diff REFERENCE_DIR]" >&2; exit 2; }
out="$1"
reference=""
if (($# == 3)); then
  [[ "$2" == "--diff" ]] || { echo "usage: $0 OUT_DIR [--diff REFERENCE_DIR]" >&2; exit 2; }
  reference="$3"
fi
target_dir="${CARGO_TARGET_DIR:-$root/target}"
shared="${CLAIMLENS_SHARED:-$root/../shared}"
data="${CLAIMLENS_DATA:-$shared/data}"
seed="${CLAIMLENS_SEED:-$shared/fixtures/seed-article.html}"
pack="assets/factchecks/politifact.clpack"

# CLAIMLENS_BIN: a CLI already built (e.g. target/release/claimlens, which
# `cargo bench --no-run` leaves with the same optimisation), instead of building.
bin="${CLAIMLENS_BIN:-}"
if [[ -z "$bin" ]]; then
  cargo build --quiet --profile native --bin claimlens
  bin="$target_dir/native/claimlens"
fi
mkdir -p "$out"

# One page from stdin: NAME, then the HTML on stdin. A page with no article
# makes the CLI fail; its exit code and message are part of the output. The
# HTML goes in on stdin so that messages name no temporary file.
record() {
  local name="$1" html
  html="$(mktemp)"
  cat >"$html"
  { "$bin" analyze - --url "http://127.0.0.1/$name" --pack "$pack" <"$html" 2>&1 || echo "exit $?"; } >"$out/$name.analysis.json"
  { "$bin" extract - --url "http://127.0.0.1/$name" --format json <"$html" 2>&1 || echo "exit $?"; } >"$out/$name.extract.json"
  rm -f "$html"
}

for page in "$data"/extraction/readability-test-pages/*/source.html; do
  record "rtp-$(basename "$(dirname "$page")")" <"$page"
done
record seed <"$seed"
find "$data/extraction/wcxb-articles/html" -name '*.html.gz' | sort | head -60 | while read -r page; do
  gzip -dc "$page" | record "wcxb-$(basename "$page" .html.gz)"
done
echo "outputs-snapshot: $(find "$out" -type f | wc -l) files in $out"

if [[ -n "$reference" ]]; then
  if diff -r -q "$reference" "$out"; then
    echo "outputs-snapshot: identical to $reference"
  else
    echo "outputs-snapshot: DIFFERS from $reference" >&2
    exit 1
  fi
fi
