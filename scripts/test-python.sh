#!/usr/bin/env bash
# The Python package and the Spark example:
#   1. a virtualenv with python/requirements-test.txt (created once, reused;
#      pip runs again only when that file changes),
#   2. clippy on the binding crate (the root's clippy does not build it),
#   3. the wheel, built with maturin (dev profile: the tests need no speed,
#      and it reuses what `cargo test` compiled), installed into the venv,
#   4. pytest python/tests: the package, and examples/spark in Spark local
#      mode on a WARC written by warcio, compared line for line with
#      `claimlens batch` on the same WARC.
# Needs python3 (>= 3.9, with venv) and java (17+) on PATH.
# Honours CARGO_TARGET_DIR and CLAIMLENS_PY_VENV (default: ~/.cache/claimlens/python-venv).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$SECONDS
target_dir="${CARGO_TARGET_DIR:-$root/target}"
venv="${CLAIMLENS_PY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/claimlens/python-venv}"
requirements="python/requirements-test.txt"

if ! command -v java >/dev/null; then
  echo "test-python: java is missing (apt-get install openjdk-17-jre-headless)" >&2
  exit 1
fi
if [[ ! -x "$venv/bin/python" ]]; then
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv" || {
    echo "test-python: python3 -m venv failed (apt-get install python3-venv)" >&2
    exit 1
  }
fi
stamp="$venv/.claimlens-requirements"
if ! cmp -s "$requirements" "$stamp"; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$stamp"
fi

# --no-deps: the core is linted by the root clippy; this lints the binding only.
cargo clippy -p claimlens-python --no-deps -- -D warnings
# The CLI the Spark test compares against (built by `cargo test` already when run from test.sh).
cargo build --bin claimlens

wheels="$target_dir/python-wheels"
rm -rf "$wheels"
(cd python && "$venv/bin/maturin" build --profile dev --quiet --out "$wheels")
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/claimlens-*.whl

CLAIMLENS_REQUIRE_SPARK=1 CLAIMLENS_BIN="$target_dir/debug/claimlens" \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests
echo "test-python: done in $((SECONDS - start)) s"
