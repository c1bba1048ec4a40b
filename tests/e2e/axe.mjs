// axe-core (npm), injected into the page under test, limited to a part of it.
// Returns the serious and critical violations only, as the issue asks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** @param include an axe context: a selector, or [[host, selector-in-shadow-root]] */
export async function seriousViolations(page, include) {
  await page.evaluate(`if (!window.axe) { ${AXE_SOURCE}\n }`);
  const violations = await page.evaluate(async (context) => {
    const result = await window.axe.run({ include: context }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
