// Builds the extension for both browsers:
//   extension/dist/chrome, extension/dist/firefox   (unpacked, loadable)
//   extension/dist/claimlens-<browser>-<version>.zip (store packages)
// Needs `npm ci` and the WASM core in extension/pkg (scripts/build-wasm.sh).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { cargoPackageVersion } from '../scripts/lib/cargo-version.mjs';
import { parseJsonc } from '../scripts/lib/jsonc.mjs';
import { zipDirectory } from '../scripts/lib/zip.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const BROWSERS = ['chrome', 'firefox'];
const WASM = join(here, 'pkg', 'claimlens_bg.wasm');
/** The fact-check importer module, loaded only for an import or a live lookup (src/background/importer.ts). */
const IMPORTER_WASM = join(here, 'pkg', 'claimlens_import_bg.wasm');
/** The built-in fact-check pack, a file next to the WASM (background/packs.ts loads it; BUILT_IN_PACK_PATH). */
const BUILT_IN_PACK = join(here, '..', 'assets', 'factchecks', 'politifact.clpack');
const BUILT_IN_PACK_NOTICE = join(here, '..', 'assets', 'factchecks', 'NOTICE.md');
/** The sentence encoder, a file next to the WASM (background/encoder.ts loads it; ENCODER_PATH). */
const ENCODER = join(here, '..', 'assets', 'encoder.clenc');
/** The check-worthiness model, a file next to the WASM (background/analyzer.ts loads it before any analysis; MODEL_PATH). */
const MODEL = join(here, '..', 'assets', 'checkworthiness.model');
const ICON_SIZES = [16, 32, 48, 128];
/** The extension's own pages: static files from extension/pages, scripts bundled from src/pages. */
const EXTENSION_PAGE_FILES = ['options.html', 'notes.html', 'panel.html', 'pages.css'];
const EXTENSION_PAGE_SCRIPTS = ['options', 'notes', 'panel'];
/** The claim and reader-note highlight styles, for scripting.insertCSS and registered content scripts (src/background/sites.ts). */
const HIGHLIGHT_STYLESHEET = 'highlights.css';

for (const file of [WASM, IMPORTER_WASM]) {
  if (!existsSync(file)) {
    console.error(`extension/build: ${file} is missing; run scripts/build-wasm.sh first`);
    process.exit(1);
  }
}

const version = cargoPackageVersion(join(here, '..', 'Cargo.toml'));
const template = parseJsonc(readFileSync(join(here, 'manifest.template.jsonc'), 'utf8'));
const bundles = await bundle();
const { HIGHLIGHT_CSS } = await importTs(join(here, 'src/ui/highlight-styles.ts'));

rmSync(dist, { recursive: true, force: true });
for (const browser of BROWSERS) {
  const out = join(dist, browser);
  mkdirSync(join(out, 'pkg'), { recursive: true });
  mkdirSync(join(out, 'icons'));
  const { manifest_version, ...rest } = manifestFor(browser, template);
  const manifest = { manifest_version, version, ...rest };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, contents] of bundles) {
    writeFileSync(join(out, name), contents);
  }
  // The highlight sheet as a file: registered content scripts (always-annotated sites) can only take files.
  writeFileSync(join(out, HIGHLIGHT_STYLESHEET), `${HIGHLIGHT_CSS}\n`);
  cpSync(WASM, join(out, 'pkg', 'claimlens_bg.wasm'));
  cpSync(IMPORTER_WASM, join(out, 'pkg', 'claimlens_import_bg.wasm'));
  mkdirSync(join(out, 'packs'));
  cpSync(BUILT_IN_PACK, join(out, 'packs', 'politifact.clpack'));
  cpSync(BUILT_IN_PACK_NOTICE, join(out, 'packs', 'NOTICE.md'));
  mkdirSync(join(out, 'encoder'));
  cpSync(ENCODER, join(out, 'encoder', 'encoder.clenc'));
  mkdirSync(join(out, 'model'));
  cpSync(MODEL, join(out, 'model', 'checkworthiness.model'));
  cpSync(join(here, '_locales'), join(out, '_locales'), { recursive: true });
  for (const page of EXTENSION_PAGE_FILES) {
    cpSync(join(here, 'pages', page), join(out, page));
  }
  for (const size of ICON_SIZES) {
    cpSync(join(here, 'icons', `icon-${size}.png`), join(out, 'icons', `icon-${size}.png`));
  }
  const zip = join(dist, `claimlens-${browser}-${version}.zip`);
  zipDirectory(out, zip);
  console.log(`extension/build: ${browser}: ${out} (${zip})`);
}

/** The bundles, the same for both browsers: background.js (ES module), content.js (classic script) and the pages' modules. */
async function bundle() {
  const common = {
    bundle: true,
    write: false,
    target: ['chrome114', 'firefox140'],
    logLevel: 'warning',
    // Readable output: store reviewers read it, and it is small.
    minify: false,
    legalComments: 'none',
  };
  const [background, content, ...pages] = await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(here, 'src/background/main.ts')], format: 'esm', outfile: 'background.js' }),
    // Injected with scripting.executeScript, which runs classic scripts only.
    esbuild.build({ ...common, entryPoints: [join(here, 'src/content/main.ts')], format: 'iife', outfile: 'content.js' }),
    // Extension pages load theirs as <script type="module">.
    ...EXTENSION_PAGE_SCRIPTS.map((name) =>
      esbuild.build({ ...common, entryPoints: [join(here, `src/pages/${name}.ts`)], format: 'esm', outfile: `${name}.js` }),
    ),
  ]);
  return [
    ['background.js', background.outputFiles[0].contents],
    ['content.js', content.outputFiles[0].contents],
    ...EXTENSION_PAGE_SCRIPTS.map((name, i) => [`${name}.js`, pages[i].outputFiles[0].contents]),
  ];
}

/** Resolves the template's `{"$chrome": …, "$firefox": …}` choices for one browser. */
function manifestFor(browser, value) {
  if (Array.isArray(value)) {
    return value.map((item) => manifestFor(browser, item));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => key.startsWith('$'))) {
    for (const key of keys) {
      if (!BROWSERS.includes(key.slice(1))) throw new Error(`manifest template: unknown browser key ${key}`);
    }
    return value[`$${browser}`] === undefined ? undefined : manifestFor(browser, value[`$${browser}`]);
  }
  const resolved = {};
  for (const [key, item] of Object.entries(value)) {
    const choice = manifestFor(browser, item);
    if (choice !== undefined) {
      resolved[key] = choice;
    }
  }
  return resolved;
}

/** Loads a TypeScript module (bundled on the fly) for its exports at build time. */
async function importTs(entry) {
  const { outputFiles } = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}
