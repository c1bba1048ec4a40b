// Loads an extension TypeScript module in node for unit tests: esbuild
// bundles it (as the extension build does) and node imports the result.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../extension/src/', import.meta.url));

export async function loadTs(path) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [SRC + path],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** A claim with every field the contract has; `overrides` replaces some. */
export function claim(overrides = {}) {
  return {
    id: 'c1',
    start: 0,
    end: 10,
    text: 'A claim.',
    score: 0.8,
    checkworthy: true,
    kinds: ['quantity'],
    signals: [],
    sourcing: { kind: 'named', speaker: null, cue: null, cue_span: null },
    times: [],
    quantities: [],
    matches: [],
    note: { summary: 'Summary.', checks: [], links: [] },
    ...overrides,
  };
}

export function translate(messages) {
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key}`);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? placeholder.content.replace(/\$([1-9])/g, (_, n) => subs[Number(n) - 1] ?? '') : whole;
    });
  };
}
