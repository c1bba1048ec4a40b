// axe-core (npm), injected into the page under test, on the whole document or
// a part of it. Returns the serious and critical violations only, as the issue
// asks. A scan that checked nothing proves nothing: that fails the test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * @param include a selector, or [[host, selector-in-its-shadow-root], …]; the whole document when absent.
 * Shadow-root parts go to axe as `fromShadowDom` selectors: a bare nested array is
 * axe's syntax for selectors into iframes, which matched nothing and checked nothing.
 */
export async function seriousViolations(page, include) {
  await page.evaluate(`if (!window.axe) { ${AXE_SOURCE}\n }`);
  const context = include === undefined ? null : Array.isArray(include) ? include.map((path) => ({ fromShadowDom: path })) : include;
  const { checked, violations } = await page.evaluate(async (context) => {
    const result = await window.axe.run(context === null ? document : { include: context }, { resultTypes: ['violations'] });
    return {
      checked: result.passes.length + result.violations.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) })),
    };
  }, context);
  assert.ok(checked > 0, `axe-core checked ${include ? JSON.stringify(include) : 'the page'}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
