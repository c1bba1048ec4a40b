#!/usr/bin/env bash
# Measurement only (issue 16, docs/checkworthiness-generalisation.md): runs
# the contextual teacher over every check-worthiness training sentence
# (ct24_train, then the 2019 training debates) and scores the classifier
# with its vectors. Nothing it writes ships.
# Usage: scripts/teacher-vectors.sh DATA_DIR [VARIANT ...]
#   (variants: shipped, teacher, teacher+cues, both; see teacher_eval.rs)
# The vectors are cached in target/teacher-vectors.bin (about 60 MB);
# computing them takes roughly 10-20 minutes on one core.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$1"; shift
teacher="${CLAIMLENS_TEACHER_DIR:-$root/target/teacher}"
vectors="$root/target/teacher-vectors.bin"
bash "$root/scripts/fetch-teacher.sh" "$teacher"
run() {
  RAYON_NUM_THREADS=1 CARGO_TARGET_DIR="$root/tools/distill/target" \
    cargo run --quiet --release --locked --manifest-path "$root/tools/distill/Cargo.toml" --bin "$@"
}
if [ ! -f "$vectors" ]; then
  run teacher_sentences -- "$teacher/model" "$data" "$vectors.tmp"
  mv "$vectors.tmp" "$vectors"
fi
run teacher_eval -- "$data" "$vectors" "$@"
