import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claim, loadTs } from './load-ts.mjs';

const { isShown, styleKind, isCheckworthy } = await loadTs('ui/claim-filter.ts');
const { defaultSettings } = await loadTs('settings/schema.ts');

function filter(change = () => {}) {
  const settings = defaultSettings();
  change(settings);
  return settings;
}

describe('which claims are highlighted', () => {
  const cases = [
    ['check-worthy by the core, defaults', claim(), filter(), true],
    ['not check-worthy by the core', claim({ checkworthy: false, score: 0.9 }), filter(), false],
    ['reader threshold overrides the core: below', claim({ score: 0.5 }), filter((s) => (s.threshold = 0.6)), false],
    ['reader threshold overrides the core: at', claim({ score: 0.6, checkworthy: false }), filter((s) => (s.threshold = 0.6)), true],
    ['its only kind switched off', claim(), filter((s) => (s.kinds.quantity = false)), false],
    ['one of two kinds still on', claim({ kinds: ['quantity', 'event'] }), filter((s) => (s.kinds.quantity = false)), true],
    ['no filterable kind (opinion) is never hidden by kind', claim({ kinds: ['opinion'] }), filter((s) => (s.kinds.quantity = false)), true],
    ['sourcing switched off', claim(), filter((s) => (s.sourcing.named = false)), false],
    ['another sourcing switched off', claim(), filter((s) => (s.sourcing.vague = false)), true],
  ];
  for (const [name, c, f, expected] of cases) {
    it(name, () => assert.equal(isShown(c, f), expected));
  }

  it('paints a claim as its first kind that is switched on', () => {
    const c = claim({ kinds: ['opinion', 'quantity', 'event'] });
    assert.equal(styleKind(c, filter()), 'quantity');
    assert.equal(styleKind(c, filter((s) => (s.kinds.quantity = false))), 'event');
    assert.equal(styleKind(claim({ kinds: ['opinion'] }), filter()), 'other');
  });

  it('uses the core’s decision only when the reader set no threshold', () => {
    assert.equal(isCheckworthy(claim({ checkworthy: true, score: 0.1 }), null), true);
    assert.equal(isCheckworthy(claim({ checkworthy: true, score: 0.1 }), 0.2), false);
  });
});
