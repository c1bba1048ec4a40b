#!/usr/bin/env bash
# Builds the analysis core as WebAssembly for the extension and the playground:
#   cargo (wasm32, release) -> wasm-bindgen --target web -> wasm-opt -Oz (npm binaryen)
# and copies the result into extension/pkg and www/pkg: the analysis module
# (claimlens_bg.wasm) and, for the extension only, the fact-check importer
# (claimlens_import_bg.wasm). Prints raw and gzipped sizes.
#
# Needs: the wasm32-unknown-unknown rustup target, wasm-bindgen-cli at the exact
# version Cargo.lock pins, and `npm ci` (for node_modules/.bin/wasm-opt).
# Honours CARGO_TARGET_DIR (default: target).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-target}"
crate=claimlens

# The CLI must match the wasm-bindgen crate exactly; Cargo.lock is the one source of the version.
lock_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [[ -z "$lock_version" ]]; then
  echo "build-wasm: no wasm-bindgen package in Cargo.lock" >&2
  exit 1
fi
cli_version="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ "$cli_version" != "$lock_version" ]]; then
  echo "build-wasm: need wasm-bindgen-cli $lock_version (found: ${cli_version:-none})." >&2
  # Without --locked: with it the install fails on this registry (see ../shared/TOOLCHAIN.md).
  echo "  install it with: cargo install wasm-bindgen-cli --version $lock_version" >&2
  exit 1
fi
wasm_opt="node_modules/.bin/wasm-opt"
if [[ ! -x "$wasm_opt" ]]; then
  # Debian's binaryen is too old for current rustc output; only the npm one is used.
  echo "build-wasm: $wasm_opt is missing; run npm ci first" >&2
  exit 1
fi

# Remap absolute paths (panic locations embed them) so the module does not
# depend on where the checkout or the cargo home lives.
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
export RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$root=/claimlens --remap-path-prefix=$cargo_home=/cargo"

start=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
built="$target_dir/wasm32-unknown-unknown/release/$crate.wasm"

# Builds one module of the crate with the given cargo feature flags, as
# $work/<name>.js and $work/<name>_bg.wasm.
build_module() {
  local name="$1"
  shift
  cargo build --release --target wasm32-unknown-unknown --lib "$@"
  wasm-bindgen "$built" --out-dir "$work" --out-name "$name" --target web \
    --remove-name-section --remove-producers-section
  # --converge: repeat -Oz until it stops shrinking the module (about 3.5 KB gzipped).
  # -ocimfs=200 (--one-caller-inline-max-function-size): a function with one
  # caller is inlined only when it is small. wasm-opt's default inlined every
  # one, which grew a 190 KB function (pipeline::analyze_extraction) and a 63 KB
  # one (extract::extract). Chromium compiles the hot functions with its
  # optimising tier during the first analysis, at a cost that grows faster than
  # function size, on the same cores: the reader's first click paid for it.
  # With 200 the largest function is 22 KB and warm speed is unchanged, but the
  # last merges of the wave took the module to 500.7 KB with it, past the
  # limit; 100 gives 491.7 KB (the same code: 50 gives 482.1, 0 481.3) at
  # most ~2% warm in Chromium (80 measured +2.3%, 0 +4-7%)
  # (docs/BENCHMARKS.md, "wasm-opt's single-caller inlining"). Same outputs.
  "$wasm_opt" -Oz --converge -ocimfs=100 "$work/${name}_bg.wasm" -o "$work/${name}_bg.opt.wasm"
  mv "$work/${name}_bg.opt.wasm" "$work/${name}_bg.wasm"
}

# Two modules (src/wasm/mod.rs): the analysis, which every page analysis
# loads, and the fact-check importer, which only an import or a live lookup
# loads. Both builds share one cargo output file, so each is wasm-bindgen'd
# before the next starts.
importer="${crate}_import"
build_module "$crate"
build_module "$importer" --no-default-features --features importer-module

for dest in extension/pkg www/pkg; do
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$work/$crate.js" "$work/$crate.d.ts" "$work/${crate}_bg.wasm" "$dest/"
done
# The playground analyses text and pages only; the importer ships in the extension.
cp "$work/$importer.js" "$work/$importer.d.ts" "$work/${importer}_bg.wasm" extension/pkg/

report() {
  local name="$1"
  local wasm="extension/pkg/${name}_bg.wasm"
  local raw gzipped glue_gzipped
  raw=$(wc -c <"$wasm")
  gzipped=$(gzip -9 -n -c "$wasm" | wc -c)
  glue_gzipped=$(gzip -9 -n -c "extension/pkg/$name.js" | wc -c)
  echo "build-wasm: ${name}_bg.wasm $raw bytes, $gzipped gzipped (-9); JS glue $glue_gzipped gzipped"
  echo "build-wasm: sha256 $(sha256sum "$wasm" | cut -d' ' -f1)"
}
report "$crate"
report "$importer"
echo "build-wasm: $((SECONDS - start)) s"
