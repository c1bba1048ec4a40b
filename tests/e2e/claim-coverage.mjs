import assert from 'node:assert/strict';

/**
 * The highlighted ranges, in document order, spell out exactly the claims'
 * texts in order. Whitespace is ignored: a claim's text has the page's
 * whitespace collapsed, a range's text is the page's own.
 */
export function assertCoversClaims(ranges, claims, label) {
  const withoutSpace = (s) => s.replace(/\s+/g, '');
  assert.equal(
    withoutSpace(ranges.map((range) => range.text).join('')),
    withoutSpace(claims.map((claim) => claim.text).join('')),
    `the ${label} highlights cover exactly the ${label} claims`,
  );
}
