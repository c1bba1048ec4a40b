#!/usr/bin/env bash
# Installs what the build and the tests need that a fresh machine with rustup
# and Node 20 lacks. Idempotent and quick when everything is already there.
#   - the wasm32-unknown-unknown rustup target;
#   - wasm-bindgen-cli at exactly the version Cargo.lock pins;
#   - the npm dev dependencies (npm ci), when package-lock.json changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Cargo.lock is the one source of the wasm-bindgen version.
lock_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
cli_version="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ "$cli_version" != "$lock_version" ]]; then
  echo "setup: installing wasm-bindgen-cli $lock_version (a few minutes, once)"
  # No --locked: it fails on this registry (see ../shared/TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$lock_version"
fi

# npm ci only when the lock file differs from what was last installed.
stamp="node_modules/.claimlens-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi
