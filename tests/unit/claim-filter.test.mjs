import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claim, importTs } from './load-ts.mjs';

const { isShown, styleKind } = await importTs('extension/src/ui/claim-filter.ts');
const { defaultSettings } = await importTs('extension/src/settings/schema.ts');

function filter(change = () => {}) {
  const settings = defaultSettings();
  change(settings);
  return settings;
}

describe('which claims are highlighted', () => {
  const cases = [
    ['check-worthy by the core, defaults', claim(), filter(), true],
    ['not check-worthy by the core', claim({ checkworthy: false, score: 0.9 }), filter(), false],
    // The reader's threshold reaches the core (the background passes it); `checkworthy` is the decision at it.
    ['not check-worthy at the reader’s threshold, whatever the score', claim({ checkworthy: false, score: 0.99 }), filter((s) => (s.threshold = 0.6)), false],
    ['check-worthy at the reader’s threshold, whatever the score', claim({ checkworthy: true, score: 0.3 }), filter((s) => (s.threshold = 0.2)), true],
    ['a high-scoring opinion the core did not flag', claim({ checkworthy: false, score: 0.95, kinds: ['opinion'] }), filter((s) => (s.threshold = 0.1)), false],
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
});
