#!/usr/bin/env bash
# The README's second command: set up, then run every test.
#   1. Rust: formatting, clippy (warnings are errors), unit, integration and doc tests.
#   1a. The Python package (PyO3) with pytest, and the Spark example in local mode.
#   1b. A bounded cargo-fuzz smoke run of every fuzz target (scripts/fuzz-smoke.sh).
#   2. The WASM build (with its size figures) and the size budget check.
#   3. Extension and playground: typecheck, build, web-ext lint, and the
#      browser end-to-end tests in Chromium and Firefox ESR.
# Tests named data_* read the public datasets in ../shared/data.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$SECONDS
# Where /dev/null is a plain file (see .ci/run), empty it before each step:
# cargo's rustc probe reads it as source and fails on earlier output.
step() {
  [[ -c /dev/null ]] || : >/dev/null
  echo
  echo "== $* ($((SECONDS - start)) s)"
}

step setup
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy"
cargo clippy --all-targets -- -D warnings
step "cargo test"
cargo test --all-targets
[[ -c /dev/null ]] || : >/dev/null
cargo test --doc

step "python package and Spark example (scripts/test-python.sh)"
bash scripts/test-python.sh

step "fuzz smoke (bounded; needs nightly cargo-fuzz, else skipped)"
bash scripts/fuzz-smoke.sh

step "wasm build"
npm run build:wasm
# Fails when the gzipped WASM grows >10% past budgets/size-budget.jsonc.
node scripts/size-budget.mjs --wasm

step "extension and browser tests"
npm test
# The packaged extension zips (built by npm test) against the same budget file.
node scripts/size-budget.mjs --zips

echo
echo "== all tests passed in $((SECONDS - start)) s"
