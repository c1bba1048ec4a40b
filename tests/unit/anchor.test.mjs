// The anchoring ladder (extension/src/notes/anchor.ts): position, exact
// quote with context, whitespace-insensitive quote, bounded fuzzy match, orphan.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const { anchor, targetFor, FUZZY_ERROR_RATE } = await importTs('extension/src/notes/anchor.ts');
const fuzzy = await importTs('extension/src/notes/fuzzy.ts');
const text = await importTs('extension/src/notes/text.ts');

const ARTICLE = [
  'The Harrowfield city council voted 7-2 on Monday night to build a $48 million barrier along the Tamsin River.',
  'The price is about a third higher than the $36 million estimate the council was given in 2023.',
  'Deputy Mayor Lena Okafor said rising steel prices and a longer construction season explained most of the increase.',
  'Construction is due to begin in April 2026 and to finish by the end of 2028.',
].join('\n\n');

/** A note on the first occurrence of `quote` in `source`. */
function noteOn(source, quote, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = source.indexOf(quote, at + 1);
  assert.ok(at >= 0, `test setup: "${quote}" is in the text`);
  return targetFor(source, at, at + quote.length);
}

/** The anchored text, or 'orphan'. */
function placedText(source, target) {
  const result = anchor(source, target);
  return result.status === 'orphan' ? 'orphan' : { text: source.slice(result.start, result.end), method: result.method, start: result.start };
}

describe('anchoring a note', () => {
  const claim = 'The price is about a third higher than the $36 million estimate the council was given in 2023.';

  it('uses the stored position when the text is unchanged', () => {
    const target = noteOn(ARTICLE, claim);
    assert.deepEqual(placedText(ARTICLE, target), { text: claim, method: 'position', start: ARTICLE.indexOf(claim) });
  });

  it('finds the quote again after text is inserted before it (shifted text)', () => {
    const target = noteOn(ARTICLE, claim);
    const shifted = `A new first paragraph, added by the editors after publication.\n\n${ARTICLE}`;
    const placed = placedText(shifted, target);
    assert.equal(placed.text, claim);
    assert.equal(placed.method, 'quote');
    assert.equal(placed.start, shifted.indexOf(claim));
  });

  it('finds an edited quote fuzzily (edited text)', () => {
    const target = noteOn(ARTICLE, claim);
    const editedClaim = 'The price is roughly a third higher than the $36 million estimate the council got in 2023.';
    const edited = `Correction appended.\n\n${ARTICLE.replace(claim, editedClaim)}`;
    const placed = placedText(edited, target);
    assert.equal(placed.method, 'fuzzy');
    assert.equal(placed.text, editedClaim);
  });

  it('places an edited quote without its position hint too', () => {
    const target = noteOn(ARTICLE, claim);
    delete target.position;
    delete target.codePoints;
    const editedClaim = claim.replace('$36 million', '$35 million');
    assert.equal(placedText(ARTICLE.replace(claim, editedClaim), target).text, editedClaim);
  });

  it('makes an orphan of a note whose text is gone, or edited beyond the error budget', () => {
    const target = noteOn(ARTICLE, claim);
    assert.equal(placedText(ARTICLE.replace(claim, ''), target), 'orphan');
    const rewritten = 'Officials now put the price well above what councillors were first told two years ago.';
    assert.equal(placedText(ARTICLE.replace(claim, rewritten), target), 'orphan');
  });

  it('does not place a short quote fuzzily anywhere', () => {
    const target = noteOn(ARTICLE, 'Okafor');
    assert.equal(placedText(ARTICLE.replace('Okafor', 'Okafar'), target), 'orphan');
  });

  it('keeps the error budget proportional to the quote length', () => {
    const quote = 'rising steel prices and a longer construction season'; // 52 units: budget 10
    const target = noteOn(ARTICLE, quote);
    const budget = Math.floor(quote.length * FUZZY_ERROR_RATE);
    const withErrors = (n) => quote.slice(0, quote.length - n) + 'X'.repeat(n);
    // Substitutions at the end: within budget it anchors; beyond it is an orphan.
    assert.notEqual(placedText(`${ARTICLE.replace(quote, withErrors(budget))}`, target), 'orphan');
    const far = ARTICLE.replace(quote, `${quote.slice(0, 20)}${'#'.repeat(quote.length - 20)}`);
    assert.equal(placedText(far, target), 'orphan');
  });

  describe('ambiguous duplicates', () => {
    const sentence = 'Officials declined to comment.';
    const duplicated = [
      'The mayor was asked about the cost overrun at a press conference.',
      sentence,
      'The engineers were asked whether the barrier could fail.',
      sentence,
      'The vote is final.',
    ].join(' ');

    it('picks the occurrence whose prefix and suffix match, after the text shifted', () => {
      const target = noteOn(duplicated, sentence, 1);
      const shifted = `Update: this story has been revised. ${duplicated}`;
      const placed = placedText(shifted, target);
      assert.equal(placed.text, sentence);
      assert.equal(placed.start, shifted.lastIndexOf(sentence));
      const first = noteOn(duplicated, sentence, 0);
      assert.equal(placedText(shifted, first).start, shifted.indexOf(sentence));
    });

    it('follows the context, not the old position, when paragraphs are reordered (the old offsets hold the other copy)', () => {
      const paragraphs = [
        `The mayor spoke first. ${sentence} She left by the side door.`,
        `Then the engineers spoke. ${sentence} They stayed for questions.`,
        'The vote is final.',
      ];
      const before = paragraphs.join('\n\n');
      const target = noteOn(before, sentence, 1); // after "the engineers spoke"
      const after = [paragraphs[1], paragraphs[0], paragraphs[2]].join('\n\n');
      // The old offsets now hold the other copy, word for word; only the context says which one is the note's.
      assert.equal(after.slice(target.position.start, target.position.end), sentence, 'test setup: the old offsets hold a copy');
      assert.equal(placedText(after, target).start, after.indexOf(sentence));
    });

    it('uses the old position to choose between occurrences with the same context', () => {
      const repeated = Array.from({ length: 4 }, () => `Filler text. ${sentence}`).join(' ');
      const target = noteOn(repeated, sentence, 2);
      const shifted = `xx ${repeated}`;
      const placed = placedText(shifted, target);
      let third = -1;
      for (let i = 0; i < 3; i++) third = shifted.indexOf(sentence, third + 1);
      assert.equal(placed.start, third);
    });
  });

  describe('Unicode', () => {
    const emojiText = 'Readers reacted 👍🏽 quickly. The flood 🌊 cost $11 million in damage 💸, the office said. Done.';

    it('keeps code point positions exact after emoji (surrogate pairs)', () => {
      const quote = 'The flood 🌊 cost $11 million in damage 💸';
      const target = noteOn(emojiText, quote);
      assert.equal(target.position.end - target.position.start, quote.length);
      assert.equal(target.codePoints.end - target.codePoints.start, [...quote].length);
      assert.equal(target.codePoints.start, [...emojiText.slice(0, emojiText.indexOf(quote))].length);
      // Only the code point position: the UTF-16 one is rebuilt from it.
      delete target.position;
      assert.deepEqual(placedText(emojiText, target), { text: quote, method: 'position', start: emojiText.indexOf(quote) });
    });

    it('never splits a surrogate pair, even in a fuzzy match', () => {
      const quote = '🌊 cost $11 million in damage 💸';
      const target = noteOn(emojiText, quote);
      const edited = emojiText.replace('$11 million', '$12 million').replace('🌊', '🌀');
      const result = anchor(edited, target);
      assert.equal(result.status, 'anchored');
      for (const offset of [result.start, result.end]) {
        assert.ok(!text.splitsSurrogatePair(edited, offset), `offset ${offset} splits a pair`);
      }
      assert.ok(edited.slice(result.start, result.end).includes('$12 million in damage 💸'));
    });

    it('does not end a fuzzy match between the halves of an emoji', () => {
      // 💸 (D83D DCB8) edited to 💰 (D83D DCB0): ending after the shared high surrogate costs no more than after the pair.
      const quote = 'cost $11 million in damage 💸';
      const target = noteOn(emojiText, quote);
      const edited = emojiText.replace('$11 million in damage 💸', '$12 million in damage 💰');
      const result = anchor(edited, target);
      assert.equal(result.status, 'anchored');
      assert.equal(edited.slice(result.start, result.end), 'cost $12 million in damage 💰');
    });

    it('snaps a selection that starts or ends inside a pair', () => {
      const at = emojiText.indexOf('🌊');
      const target = targetFor(emojiText, at + 1, at + 3); // inside the wave's pair .. after the space
      assert.equal(target.quote.exact, '🌊 ');
    });

    it('matches across CRLF line breaks', () => {
      const quote = 'the $36 million estimate the council\nwas given in 2023';
      const lf = ARTICLE.replace('the $36 million estimate the council was given in 2023', quote);
      const target = noteOn(lf, quote);
      const crlf = `Intro.\r\n${lf.replace(/\n/g, '\r\n')}`;
      const placed = placedText(crlf, target);
      assert.equal(placed.method, 'normalized');
      assert.equal(placed.text, quote.replace('\n', '\r\n'));
    });

    it('matches across non-breaking spaces', () => {
      const quote = 'a $48 million barrier';
      const target = noteOn(ARTICLE, quote);
      const nbsp = `New lede. ${ARTICLE.replace('$48 million barrier', '$48\u00a0million\u00a0barrier')}`;
      const placed = placedText(nbsp, target);
      assert.equal(placed.method, 'normalized');
      assert.equal(placed.text, 'a $48\u00a0million\u00a0barrier');
    });

    it('ignores soft hyphens the page added', () => {
      const quote = 'longer construction season';
      const target = noteOn(ARTICLE, quote);
      const hyphenated = `More. ${ARTICLE.replace('construction', 'con\u00adstruc\u00adtion')}`;
      assert.equal(placedText(hyphenated, target).text, 'longer con\u00adstruc\u00adtion season');
    });
  });

  it('stays bounded on a huge text with no match (orphan, the search window capped)', () => {
    const huge = 'lorem ipsum dolor sit amet '.repeat(200_000); // 5.4 million units
    const target = noteOn(ARTICLE, claim);
    assert.equal(placedText(huge, target), 'orphan');
  });

  it('is an orphan for an empty quote rather than matching everywhere', () => {
    assert.equal(placedText(ARTICLE, { quote: { exact: '', prefix: '', suffix: '' } }), 'orphan');
  });

  it('ignores a stored position that lies outside the text', () => {
    const target = noteOn(ARTICLE, claim);
    target.position = { start: 10_000_000, end: 10_000_000 + claim.length };
    assert.equal(placedText(ARTICLE, target).method, 'quote');
  });
});

describe('approximate matching (Myers bit-vector)', () => {
  /** Edit distance of the best match of `pattern` ending at each text position, by plain dynamic programming. */
  function naiveEnds(source, pattern) {
    let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
    const ends = [];
    for (let j = 0; j < source.length; j++) {
      const current = [0];
      for (let i = 1; i <= pattern.length; i++) {
        current[i] = Math.min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (pattern[i - 1] === source[j] ? 0 : 1));
      }
      ends.push(current[pattern.length]);
      previous = current;
    }
    return ends;
  }

  it('agrees with dynamic programming on random texts, patterns of 1 to 130 units (1 to 5 blocks)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (n, alphabet) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 600; round++) {
      const alphabet = round % 2 ? 'ab' : 'abcdé🌊';
      const pattern = word(1 + Math.floor(random() * 130), alphabet);
      const source = word(Math.floor(random() * 300), alphabet);
      const expected = naiveEnds(source, pattern);
      const got = new Array(source.length).fill(null);
      fuzzy.scanMatchEnds(source, pattern, Number.MAX_SAFE_INTEGER, 0, source.length, (end, errors) => {
        got[end - 1] = errors;
      });
      assert.deepEqual(got, expected, `round ${round}: pattern ${pattern.length}, text ${source.length}`);
    }
  });

  it('finds where a match starts', () => {
    const source = 'xxxx the quick brwn fox yyyy';
    const [match] = fuzzy.approximateMatches(source, 'the quick brown fox', 3, 0, source.length, 5);
    assert.deepEqual(match, { start: 5, end: 23, errors: 1 });
  });
});

describe('text helpers', () => {
  it('converts between UTF-16 and code point offsets', () => {
    const s = 'a🌊b👍🏽c';
    for (let point = 0; point <= [...s].length; point++) {
      const unit = text.codePointToUtf16(s, point);
      assert.equal(text.utf16ToCodePoint(s, unit), point);
      assert.equal(s.slice(0, unit), [...s].slice(0, point).join(''));
    }
    assert.equal(text.codePointToUtf16(s, [...s].length + 1), undefined);
  });

  it('collapses whitespace and maps offsets back', () => {
    const source = 'a \r\n\u00a0 b\u00adc\td';
    const normalized = text.normalizeWhitespace(source);
    assert.equal(normalized.text, 'a bc d');
    const span = text.toOriginalSpan(normalized, 2, 4); // "bc"
    assert.equal(source.slice(span.start, span.end), 'b\u00adc');
  });
});
