#!/usr/bin/env bash
# Checks that assets/encoder.clenc rebuilds byte for byte from the pinned
# teacher (scripts/build-encoder.sh into a temporary file, then cmp).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bash "$root/scripts/build-encoder.sh" "$tmp/encoder.clenc"
if cmp "$root/assets/encoder.clenc" "$tmp/encoder.clenc"; then
  echo "assets/encoder.clenc rebuilds byte for byte ($(stat -c %s "$tmp/encoder.clenc") bytes)"
else
  echo "assets/encoder.clenc differs from a fresh build: rebuild it with scripts/build-encoder.sh" >&2
  exit 1
fi
