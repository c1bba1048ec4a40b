// The built WASM core (extension/pkg), loaded in node: the very module the
// extension ships, run here on snapshots taken in the browser.
import { readFileSync } from 'node:fs';

const PKG = new URL('../../extension/pkg/', import.meta.url);
const core = await import(new URL('claimlens.js', PKG).href);
core.initSync({ module: readFileSync(new URL('claimlens_bg.wasm', PKG)) });
// As background/core.ts does: the model ships beside the module.
core.load_model(readFileSync(new URL('../../assets/checkworthiness.model', import.meta.url)));
// As the extension's background does (background/packs.ts), and as the CLI expectation is made.
core.load_pack(readFileSync(new URL('../../assets/factchecks/politifact.clpack', import.meta.url)));
// As background/encoder.ts does; the CLI expectation uses the built-in encoder too.
core.load_encoder(readFileSync(new URL('../../assets/encoder.clenc', import.meta.url)));

export function analyzeWithWasm(snapshot) {
  return core.analyze(snapshot, {});
}

/** The draw-first path, as the background runs it: the draw result, then the full analysis it kept. */
export function analyzeDrawWithWasm(snapshot) {
  const draw = core.analyze_draw(snapshot, {});
  return { draw, details: core.analysis_details(draw.key), again: core.analysis_details(draw.key) };
}
