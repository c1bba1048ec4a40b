#!/usr/bin/env bash
# The README's first command: set up, build everything (WASM, both extensions,
# playground), then serve the playground on 127.0.0.1 and print the paths of
# the built extensions. Usage: scripts/demo.sh [--port N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
cargo build --release --bin claimlens
npm run build
exec node scripts/serve.mjs "$@"
