#!/usr/bin/env bash
# A short, bounded fuzz run of every cargo-fuzz target (CI's smoke run), from
# the committed seeds plus any corpus a previous run left in fuzz/corpus.
#   scripts/fuzz-smoke.sh [SECONDS_PER_TARGET]   (default 6: 9 targets, ~1 min)
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`);
# without them it says so and exits 0: tests/fuzz_replay.rs replays the seeds
# and saved crashes on stable in every `cargo test` anyway.
# FUZZ_TARGET_DIR: where the instrumented build goes (default fuzz/target).
# No sanitizer (-s none): the core has no unsafe code of its own, and ASan
# would halve the executions a short run gets.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-6}"
target_dir=(--target-dir "${FUZZ_TARGET_DIR:-target}")
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz-smoke: nightly cargo-fuzz not available; skipped (fuzz_replay covers the seeds)"
  exit 0
fi
declare -A dict=(
  [html_analysis]=html.dict [import_html]=html.dict
  [snapshot_analysis]=json.dict [snapshot_flat]= [import_claimreview]=json.dict [import_jsonl]=json.dict
  [import_claim_search]=json.dict [text_analysis]=text.dict [pack_load]=
)
cargo +nightly fuzz build -s none "${target_dir[@]}"
mkdir -p logs
for target in html_analysis snapshot_analysis snapshot_flat text_analysis import_claimreview import_claim_search import_jsonl import_html pack_load; do
  mkdir -p "corpus/$target"
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536)
  [[ -n "${dict[$target]}" ]] && args+=(-dict="dicts/${dict[$target]}")
  if ! cargo +nightly fuzz run -s none "${target_dir[@]}" "$target" "corpus/$target" "seeds/$target" -- "${args[@]}" >"logs/$target.smoke.log" 2>&1; then
    tail -40 "logs/$target.smoke.log"
    echo "fuzz-smoke: $target FAILED (the input is in fuzz/artifacts/$target)"
    exit 1
  fi
  echo "fuzz-smoke: $target ok: $(grep -E '^#[0-9]+.*(DONE|pulse)' "logs/$target.smoke.log" | tail -1)"
done
