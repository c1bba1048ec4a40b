// The playground (www/) end to end: it analyses the bundled sample on load, a
// local file or pasted text on request, and shows the claims with the
// extension's own highlights, notes, keyboard stepping, filters and panel.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertCoversClaims } from './claim-coverage.mjs';
import { analyzeWithCli } from './expected-analysis.mjs';
import { HOST_TAG, MESSAGES, countMessage, defaultFilter, expectedShown, message } from './overlay-names.mjs';
import { centreOfElement, readClaimHighlights, readNamedHighlights, readNote, readPanel } from './page-probes.mjs';
import { PLAYGROUND_PATH, SAMPLE_DIR } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describePlayground(session) {
  describe('the playground', () => {
    it('shows the sample with the extension’s highlights, notes, panel, filters and keys; then a file and pasted text', async () => {
      const page = await session.browser.open(session.server.baseUrl + PLAYGROUND_PATH);
      try {
        const { claims } = session.expected;
        const shown = expectedShown(claims, defaultFilter());
        const sample = await waitForHighlights(page, shown, 'the sample analysis');

        const first = sample[0].box;
        await page.click(first.x + first.width / 2, first.y + first.height / 2);
        const note = await waitFor('the note to open', async () => {
          const state = await page.evaluate(readNote, HOST_TAG);
          return state.open && state;
        });
        assert.equal(note.title, MESSAGES.noteCheckworthyClaim.message);
        assert.equal(note.summary, shown[0].claim.note.summary);
        await page.press('Escape');

        // The same panel as the extension's.
        const panel = await page.evaluate(readPanel);
        assert.deepEqual(panel.claims.map((c) => c.id), shown.map(({ claim }) => claim.id));
        assert.equal(panel.live, countMessage('claimsFound', shown.length));
        // A filter applies to the highlights.
        const point = await page.evaluate(centreOfElement, '#claimlens-kind-quantity');
        await page.click(point.x, point.y);
        const filter = defaultFilter();
        filter.kinds.quantity = false;
        await waitForHighlights(page, expectedShown(claims, filter), 'the filtered highlights');
        await page.click(point.x, point.y);
        await waitForHighlights(page, shown, 'the highlights restored');

        // Keys: Alt+Shift+J moves to a claim, Enter opens its note.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.evaluate(() => document.activeElement?.blur());
        await page.pressChord(['Alt', 'Shift', 'KeyJ']);
        await waitFor('a current claim', async () => (await page.evaluate(readNamedHighlights, '-current$')).length > 0);
        await page.press('Enter');
        await waitFor('Enter to open the note', async () => (await page.evaluate(readNote, HOST_TAG)).open);
        await page.press('Escape');

        await page.chooseFile('#pick-file', join(SAMPLE_DIR, 'article.html'));
        await waitFor('the file to be analysed', async () =>
          (await page.evaluate((selector) => document.querySelector(selector).textContent, '#source')) === 'article.html');
        await waitForHighlights(page, shown, 'the file analysis');
        assert.equal((await page.evaluate(readNote, HOST_TAG)).open, false, 'a new analysis closes the old note');

        // Pasted text goes through analyze_text.
        await page.evaluate(() => {
          document.querySelector('#paste').open = true;
          document.querySelector('#paste-text').value =
            'The council voted 7-2 on Monday to spend $48 million on a flood barrier.\n\nCritics say it will not work.';
        });
        const analyse = await page.evaluate(centreOfElement, '#analyse-text');
        await page.click(analyse.x, analyse.y);
        await waitFor('the pasted text to be analysed', async () =>
          (await page.evaluate(() => document.querySelector('#source').textContent)) === MESSAGES.playgroundPastedLabel.message);
        const pasted = await page.evaluate(readClaimHighlights);
        assert.ok(pasted.some((range) => range.text.includes('$48 million')), 'the pasted claim is highlighted');
        // Every analysis says how long it took here (shown, never asserted on).
        const timings = await page.evaluate(() => document.querySelector('#timings').textContent);
        assert.match(timings, /^Analysed in [0-9]+\.[0-9] ms on this device: snapshot [0-9.]+ ms, analysis [0-9.]+ ms, highlights [0-9.]+ ms\.$/);

        // A share link carries the text in its fragment and opens with it analysed.
        const share = await page.evaluate(centreOfElement, '#share-text');
        await page.click(share.x, share.y);
        const link = await waitFor('the share link', async () => {
          const url = new URL(await page.url());
          return url.hash.includes('text=') && url.href;
        });
        assert.equal(await page.evaluate(() => document.querySelector('#status').textContent), MESSAGES.playgroundShared.message);
        const opened = await session.browser.open(link);
        try {
          await waitFor('the shared text to be analysed', async () =>
            (await opened.evaluate(() => document.querySelector('#source').textContent)) === MESSAGES.playgroundSharedLabel.message);
          const sharedRanges = await opened.evaluate(readClaimHighlights);
          assert.ok(sharedRanges.some((range) => range.text.includes('$48 million')), 'the shared claim is highlighted');
          assert.match(await opened.evaluate(() => document.querySelector('#paste-text').value), /^The council voted 7-2 on Monday/);
        } finally {
          await opened.close();
        }
      } finally {
        await page.close();
      }
    });

    it('shows a claim’s published fact-check from the built-in pack in its note, as the extension does', async () => {
      const file = fileURLToPath(new URL('./pages/fact-checked-article.html', import.meta.url));
      const expected = analyzeWithCli(file).claims.find((claim) => claim.matches.length > 0);
      assert.ok(expected, 'the CLI matches a claim of the test page against the built-in pack');
      const page = await session.browser.open(session.server.baseUrl + PLAYGROUND_PATH);
      try {
        await waitFor('the sample analysis', async () => (await page.evaluate(readClaimHighlights)).length > 0);
        await page.chooseFile('#pick-file', file);
        const ranges = await waitFor('the page’s highlights', async () => {
          const found = await page.evaluate(readClaimHighlights);
          return found.some((range) => expected.text.replace(/\s+/g, '').startsWith(range.text.replace(/\s+/g, ''))) && found;
        });
        const target = ranges.find((range) => expected.text.replace(/\s+/g, '').startsWith(range.text.replace(/\s+/g, '')));
        await page.click(target.box.x + 4, target.box.y + target.box.height / 2);
        const match = await waitFor('the note with its fact-check', () =>
          page.evaluate((hostTag) => {
            const item = document.querySelector(hostTag)?.shadowRoot?.querySelector('.note .note-matches .note-match');
            return item && { verdict: item.querySelector('.note-verdict')?.textContent, publisher: item.querySelector('.note-publisher')?.textContent, link: item.querySelector('a')?.href };
          }, HOST_TAG),
        );
        assert.deepEqual(match, { verdict: expected.matches[0].verdict, publisher: expected.matches[0].publisher, link: expected.matches[0].url });
        const credit = await page.evaluate(() => document.getElementById('pack-credit').textContent);
        assert.ok(credit.includes('PolitiFact'), `the footer credits the pack: ${credit}`);
      } finally {
        await page.close();
      }
    });

    it('shows a templated comment section with the extension’s marker, finding, cluster highlights and panel section; an ordinary one unmarked', async () => {
      const templated = join(FIXTURES_DIR, 'templated-thread.html');
      const expected = analyzeWithCli(templated).comments;
      assert.ok(expected.flagged && expected.finding, 'the core flags the templated thread');
      const members = expected.clusters.flatMap((cluster) => cluster.members.map((member) => member.index)).sort((a, b) => a - b);
      const page = await session.browser.open(session.server.baseUrl + PLAYGROUND_PATH);
      try {
        await waitFor('the sample analysis', async () => (await page.evaluate(readClaimHighlights)).length > 0);
        await page.chooseFile('#pick-file', templated);
        await waitFor('the comment section', async () => (await page.evaluate(readPlaygroundComments, HOST_TAG)).section !== null);
        await page.evaluate(() => document.querySelector('#comments h3').scrollIntoView({ block: 'center' }));
        const state = await waitFor('the comment marker in view', async () => {
          const read = await page.evaluate(readPlaygroundComments, HOST_TAG);
          return read.marker?.inView && read;
        });
        assert.equal(state.section, expected.items.length, 'every comment is shown under the article');
        assert.equal(state.marker.expanded, 'false');
        assert.deepEqual(state.covered, [], 'no cluster highlight until the finding is opened');
        assert.equal(state.panelFinding, expected.finding, 'the panel’s own comment section');
        const commentTexts = expected.items.map((item) => item.text.replace(/\s+/g, ''));
        assert.ok(!state.claimTexts.some((claim) => commentTexts.some((text) => text.includes(claim.replace(/\s+/g, '')))), 'no comment among the claims');
        await page.click(state.marker.x, state.marker.y);
        const open = await waitFor('the finding to open', async () => {
          const read = await page.evaluate(readPlaygroundComments, HOST_TAG);
          return read.open && read;
        });
        assert.equal(open.finding, expected.finding);
        assert.deepEqual(open.covered, members, 'exactly the clusters’ members share the highlight');

        const ordinary = join(FIXTURES_DIR, 'ordinary-thread.html');
        assert.equal(analyzeWithCli(ordinary).comments.flagged, false);
        await page.chooseFile('#pick-file', ordinary);
        await waitFor('the ordinary thread to be analysed', async () => (await page.evaluate(() => document.querySelector('#source').textContent)) === 'ordinary-thread.html');
        const plain = await page.evaluate(readPlaygroundComments, HOST_TAG);
        assert.ok(plain.section > 0, 'its comments are shown');
        assert.equal(plain.marker, null, 'with no marker');
        assert.deepEqual(plain.covered, []);
      } finally {
        await page.close();
      }
    });
  });
}

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The playground's comment section: its marker (in ClaimLens's shadow root), the open finding, and which comments the cluster highlight covers. */
function readPlaygroundComments(hostTag) {
  const root = document.querySelector(hostTag)?.shadowRoot;
  const marker = root?.querySelector('.comments-marker');
  const box = marker?.getBoundingClientRect();
  const note = root?.querySelector('.note');
  const comments = [...document.querySelectorAll('#comments .comment')];
  const covered = new Set();
  for (const [name, highlight] of CSS.highlights) {
    if (!/^claimlens-(light|dark)-comment-cluster$/.test(name)) continue;
    for (const range of highlight) covered.add(comments.indexOf(range.startContainer.parentElement?.closest('.comment')));
  }
  return {
    section: document.getElementById('comments').hidden ? null : document.querySelectorAll('#comments .comment').length,
    marker: marker ? { x: box.x + box.width / 2, y: box.y + box.height / 2, inView: box.top >= 0 && box.bottom <= innerHeight, expanded: marker.getAttribute('aria-expanded') } : null,
    open: note?.matches(':popover-open') ?? false,
    finding: note?.querySelector('.comments-finding-text')?.textContent ?? null,
    covered: [...covered].sort((a, b) => a - b),
    panelFinding: document.querySelector('[data-claimlens-mount="comments"] .comments-finding-text')?.textContent ?? null,
    claimTexts: [...document.querySelectorAll('.claim-list .claim-text')].map((el) => el.textContent),
  };
}

function waitForHighlights(page, shown, what) {
  const want = shown.map(({ claim }) => claim.text.replace(/\s+/g, '')).join('');
  return waitFor(what, async () => {
    const ranges = await page.evaluate(readClaimHighlights);
    if (ranges.length === 0 || ranges.map((range) => range.text.replace(/\s+/g, '')).join('') !== want) return undefined;
    assertCoversClaims(ranges, shown.map(({ claim }) => claim), 'shown');
    return ranges;
  });
}
