#!/usr/bin/env bash
# Batch throughput of `claimlens batch` (native profile) on the 130
# Readability test pages: pages/s per core (CPU time) with and without the
# shipped fact-check pack, and wall-clock scaling from 1 to 2 threads.
# With --rss MB it also writes a WARC.gz holding about MB megabytes of HTML
# (the test pages repeated, written with warcio by
# examples/spark/make_sample_warc.py) and reports the batch's peak RSS on it.
# Nothing is kept: files go to a temporary folder.
#
#   bash scripts/bench-batch.sh [--repeat N] [--rss MB]
#
# Needs /usr/bin/time (GNU time). Figures: docs/batch-and-scale.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
data="${CLAIMLENS_DATA:-${CLAIMLENS_SHARED:-$root/../shared}/data}"
pages_dir="$data/extraction/readability-test-pages"
pack="assets/factchecks/politifact.clpack"
repeat=3
rss_mb=0
while (($#)); do
  case "$1" in
    --repeat) repeat="$2"; shift 2 ;;
    --rss) rss_mb="$2"; shift 2 ;;
    *) echo "usage: $0 [--repeat N] [--rss MB]" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "bench-batch: needs GNU time (/usr/bin/time)" >&2; exit 1; }

cargo build --quiet --profile native --bin claimlens
bin="$target_dir/native/claimlens"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Only the pages (each folder also holds the expected output).
mkdir "$work/pages"
for page in "$pages_dir"/*/source.html; do
  ln -s "$page" "$work/pages/$(basename "$(dirname "$page")").html"
done
count=$(find "$work/pages" -name '*.html' | wc -l)

# One run: prints "wall user sys maxrss_kb".
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" batch "$@" -o "$work/out.jsonl"
  cat "$work/time"
}

# The best of $repeat runs (least disturbed by other load on the machine).
best() {
  local best_line="" best_wall=""
  for ((i = 0; i < repeat; i++)); do
    local line
    line=$(measure "$@")
    local wall=${line%% *}
    if [[ -z "$best_wall" ]] || awk "BEGIN { exit !($wall < $best_wall) }"; then
      best_wall=$wall
      best_line=$line
    fi
  done
  echo "$best_line"
}

report() {
  local label="$1" jobs="$2" line="$3"
  read -r wall user sys rss <<<"$line"
  awk -v l="$label" -v j="$jobs" -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    cpu = u + s
    printf "%-22s jobs=%d  %d pages  wall %.2f s  %.1f pages/s  cpu %.2f s  %.1f pages/s per core  peak RSS %.0f MB\n",
      l, j, n, w, n / w, cpu, n / cpu, r / 1024 }'
}

echo "bench-batch: $count pages, best of $repeat runs; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for jobs in 1 2; do
  report "without pack" "$jobs" "$(best "$work/pages" --jobs "$jobs")"
  report "with fact-check pack" "$jobs" "$(best "$work/pages" --jobs "$jobs" --pack "$pack")"
done
errors=$(grep -c '"error"' "$work/out.jsonl" || true)
echo "bench-batch: $errors error records in the last run"

if ((rss_mb > 0)); then
  venv="${CLAIMLENS_PY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/claimlens/python-venv}"
  [[ -x "$venv/bin/python" ]] || { echo "bench-batch: --rss needs warcio (run scripts/test-python.sh once)" >&2; exit 1; }
  # Pages repeated until the uncompressed WARC reaches about rss_mb MB.
  size=$(cat "$work"/pages/*.html | wc -c)
  copies=$(((rss_mb * 1024 * 1024 + size - 1) / size))
  "$venv/bin/python" - "$work/big.warc.gz" "$copies" "$work"/pages/*.html <<'PY'
import sys
sys.path.insert(0, "examples/spark")
import make_sample_warc
out, copies, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
make_sample_warc.write(out, pages * copies)
PY
  echo "bench-batch: $(du -m "$work/big.warc.gz" | cut -f1) MB gzipped, $((size * copies / 1024 / 1024)) MB of HTML, $((count * copies)) pages"
  line=$(measure "$work/big.warc.gz" --jobs 2 --fields claims)
  read -r wall user sys rss <<<"$line"
  echo "bench-batch: big WARC: wall ${wall} s, peak RSS $((rss / 1024)) MB, $(wc -l <"$work/out.jsonl") records"
fi
