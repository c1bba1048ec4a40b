// Fact-checks and the comment section, end to end in each browser:
//   - a page whose claim is in the built-in pack shows the published
//     fact-check (verdict, fact-checker, date, link, why it matched) in the
//     claim's note, and the panel's summary counts it by verdict;
//   - the opt-in live source against a stub of the Google Fact Check Tools
//     API on 127.0.0.1: a match, the cache on the second analysis, and a 403
//     and a malformed answer shown as failures while the local results stay;
//   - pack import on the options page: a corrupt file is refused with a clear
//     error and changes nothing; a good one is listed, used, and removed;
//     ClaimReview JSON-LD is built into a pack, its bad record reported; the
//     built-in pack can be turned off (the note then says no pack is loaded);
//   - the comment-section marker on templated threads (the repository's
//     fixture and the shared seed page), its finding and cluster highlights,
//     and no marker on an ordinary thread.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seriousViolations } from './axe.mjs';
import { analyzeWithCli } from './expected-analysis.mjs';
import { clickElement, openPanel, openReady, textOf } from './extension-pages.mjs';
import { LIVE_REVIEW, startLiveStub } from './live-stub.mjs';
import { HOST_TAG, MESSAGES, countMessage, message } from './overlay-names.mjs';
import { readClaimHighlights, readPanel, scrollClaimIntoView } from './page-probes.mjs';
import { SHARED_FIXTURES_DIR } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
const FACT_CHECKED_PAGE = '/pages/fact-checked-article.html';
/** The sentence of the test page that PolitiFact checked (vclaim-pol-00002 in the built-in pack). */
const CHECKED_SENTENCE = 'A widely shared Instagram post says there is a 4,250% increase in fetal death from the flu shot';
const POLITIFACT_URL = 'https://www.politifact.com/factchecks/2019/oct/29/instagram-posts/instagram-post-falsely-says-flu-shot-causes-fetal-/';
/** Another sentence of the test page, which the pack built by the import test checks. */
const CLINICS_SENTENCE = 'The county health department held 14 walk-in vaccination clinics last autumn';

const flat = (text) => text.replace(/\s+/g, '');

// ----------------------------------------------------------------- page probes (run in the page)

/** What the open note shows of fact-checks: the packs' matches, their status line, and the live source's part. */
function readFactChecks(hostTag) {
  const root = document.querySelector(hostTag)?.shadowRoot;
  const note = root?.querySelector('.note');
  const match = (item) => ({
    verdict: item.querySelector('.note-verdict')?.textContent ?? null,
    publisher: item.querySelector('.note-publisher')?.textContent ?? null,
    date: item.querySelector('.note-match-date')?.textContent ?? null,
    claim: item.querySelector('.note-match-claim')?.textContent ?? null,
    why: item.querySelector('.note-match-why')?.textContent ?? null,
    link: item.querySelector('a')?.href ?? null,
    pack: item.dataset.pack ?? null,
  });
  const live = note?.querySelector('.note-live');
  return {
    open: note?.matches(':popover-open') ?? false,
    claimId: note?.querySelector('.note-body')?.dataset.claimId ?? null,
    matches: [...(note?.querySelectorAll('.note-matches .note-match') ?? [])].map(match),
    status: note?.querySelector('.note-no-matches')?.dataset.status ?? null,
    statusText: note?.querySelector('.note-no-matches')?.textContent ?? null,
    live: live
      ? {
          state: live.dataset.state,
          matches: [...live.querySelectorAll('.note-live-matches .note-match')].map(match),
          failure: live.querySelector('.note-live-failure')?.dataset.kind ?? null,
          failureText: live.querySelector('.note-live-failure')?.textContent ?? null,
          cached: live.querySelector('.note-live-cached') !== null,
        }
      : null,
  };
}

/** The open note's sourcing line, in parts. */
function readSourcing(hostTag) {
  const line = document.querySelector(hostTag)?.shadowRoot?.querySelector('.note .note-sourcing');
  const text = (selector) => line?.querySelector(selector)?.textContent ?? null;
  return { speaker: text('.note-speaker'), role: text('.note-role'), ambiguous: text('.note-ambiguous'), why: text('.note-attribution-note') };
}

/** The comment-section marker in ClaimLens's shadow root, the section's heading, and what the popover shows. */
function readComments(hostTag) {
  const root = document.querySelector(hostTag)?.shadowRoot;
  const marker = root?.querySelector('.comments-marker');
  const box = marker?.getBoundingClientRect();
  const note = root?.querySelector('.note');
  const heading = document.querySelector('#comments h2, .comments h2');
  const range = document.createRange();
  if (heading) range.selectNodeContents(heading);
  const headingBox = heading ? range.getBoundingClientRect() : null;
  return {
    hosts: document.querySelectorAll(hostTag).length,
    marker: marker ? { text: marker.textContent, expanded: marker.getAttribute('aria-expanded'), box: { x: box.x, y: box.y, width: box.width, height: box.height } } : null,
    markerInPage: document.querySelector('.comments-marker') !== null,
    heading: headingBox && { x: headingBox.x, y: headingBox.y, right: headingBox.right, height: headingBox.height },
    open: note?.matches(':popover-open') ?? false,
    label: note?.getAttribute('aria-label') ?? null,
    finding: note?.querySelector('.comments-finding-text')?.textContent ?? null,
  };
}

/** The comment-cluster highlight: which comments (by position among `.comment`) it covers, and what it covers. */
function readClusterHighlights() {
  const comments = [...document.querySelectorAll('.comment')];
  const covered = new Set();
  const texts = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!/^claimlens-(light|dark)-comment-cluster$/.test(name)) continue;
    for (const range of highlight) {
      const node = range.startContainer;
      const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      const comment = element?.closest('.comment');
      covered.add(comment ? comments.indexOf(comment) : -1);
      texts.push(range.toString());
    }
  }
  return { covered: [...covered].sort((a, b) => a - b), texts };
}

// ----------------------------------------------------------------- helpers

async function withPage(session, path, body) {
  const page = await session.browser.open(session.server.baseUrl + path);
  try {
    return await body(page);
  } finally {
    await page.close();
  }
}

/** Clicks the toolbar button and waits until the page has its highlights (and the badge its count). */
async function activate(page) {
  await page.clickToolbarButton();
  let badge;
  await waitFor('the analysis to be shown (a number on the toolbar badge)', async () => /^[0-9]+$/.test((badge = await page.toolbarBadge())), 15_000).catch((error) => {
    error.message += ` — the badge reads ${JSON.stringify(badge)}`;
    throw error;
  });
  return page.evaluate(readClaimHighlights);
}

/** A claim's first highlighted range begins the sentence (or the sentence begins it: a claim may span several text nodes). */
function isStartOf(rangeText, sentence) {
  const a = flat(rangeText);
  const b = flat(sentence);
  return a.length > 0 && (a.startsWith(b) || b.startsWith(a));
}

/** Opens the note of the claim that starts with `sentence`, with a real click on its highlight. */
async function openNoteOf(page, sentence) {
  const ranges = await waitFor(`a highlight on “${sentence.slice(0, 40)}…”`, async () => {
    const found = await page.evaluate(readClaimHighlights);
    return found.some((range) => isStartOf(range.text, sentence)) && found;
  });
  const target = ranges.find((range) => isStartOf(range.text, sentence));
  await page.evaluate(scrollClaimIntoView, target.text);
  const placed = (await page.evaluate(readClaimHighlights)).find((range) => range.text === target.text);
  await page.click(placed.box.x + 4, placed.box.y + placed.box.height / 2);
  return waitFor('the note to open', async () => {
    const state = await page.evaluate(readFactChecks, HOST_TAG);
    return state.open && state;
  });
}

/** Replaces a text field's value as a reader does (select all, type, leave the field), firing its change event. */
async function typeInto(page, selector, value) {
  await clickElement(page, selector);
  await page.evaluate((s) => document.querySelector(s).select(), selector);
  await page.type(value);
  await page.press('Tab');
}

function cli(args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'claimlens', '--', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** The live source's settings as stored (storage.sync, where the options page saves them here). */
function storedLiveSource(page) {
  return page.evaluate(async () => (await (globalThis.browser ?? chrome).storage.sync.get('settings')).settings?.liveSource);
}

function storage(page) {
  return page.evaluate(async () => ({ sync: await (globalThis.browser ?? chrome).storage.sync.get(null), local: await (globalThis.browser ?? chrome).storage.local.get(null) }));
}

function packList(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#packs > li')].map((li) => ({
      name: li.dataset.pack,
      builtIn: li.dataset.builtIn === 'true',
      loaded: li.dataset.loaded === 'true',
      text: li.textContent,
      removable: li.querySelector('.pack-remove') !== null,
    })),
  );
}

/** The imported packs as stored in the extension's IndexedDB (the options page shares the background's origin). */
function storedPackNames(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('claimlens-factchecks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('packs').objectStore('packs').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve(all.result.map((record) => [record.name, record.fileName, record.original !== undefined]));
            open.result.close();
          };
        };
      }),
  );
}

/** The size of the pack file stored for an imported pack. */
function storedPackBytes(page, name) {
  return page.evaluate(
    (packName) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('claimlens-factchecks');
        open.onsuccess = () => {
          const get = open.result.transaction('packs').objectStore('packs').get(packName);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result?.bytes?.byteLength ?? 0);
          };
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
    name,
  );
}

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describeFactChecks(session) {
  describe('fact-checks and the comment section', () => {
    let expectedPage;
    let tmp;
    before(() => {
      tmp = mkdtempSync(join(tmpdir(), 'claimlens-factchecks-'));
    });
    after(() => rmSync(tmp, { recursive: true, force: true }));

    /** The CLI's analysis of the test page, with the built-in pack (as the extension loads it by default). */
    function expectedFactChecked() {
      expectedPage ??= analyzeWithCli(join(PAGES_DIR, 'fact-checked-article.html'), session.server.baseUrl + FACT_CHECKED_PAGE);
      return expectedPage;
    }

    it('shows the published fact-check of a claim in the built-in pack, with verdict, fact-checker, date, link and why, and counts it in the panel', async () => {
      await session.resetData();
      const expected = expectedFactChecked().claims.find((claim) => flat(claim.text).startsWith(flat(CHECKED_SENTENCE)));
      assert.ok(expected && expected.matches.length > 0, 'the CLI matches the test sentence against the built-in pack');
      await withPage(session, FACT_CHECKED_PAGE, async (page) => {
        await activate(page);
        const note = await openNoteOf(page, CHECKED_SENTENCE);
        assert.equal(note.matches.length, expected.matches.length);
        const [first] = note.matches;
        assert.equal(first.verdict, 'False');
        assert.equal(first.publisher, 'PolitiFact');
        assert.equal(first.date, expected.matches[0].date);
        assert.equal(first.link, POLITIFACT_URL);
        assert.equal(first.pack, 'politifact');
        assert.ok(first.claim.includes('4,250% increase in fetal death from the flu shot'), first.claim);
        assert.equal(first.why, message('noteWhyMatched', expected.matches[0].why.join('; ')));
        assert.equal(note.live, null, 'the live source is off by default: nothing was asked');

        // A check-worthy claim the pack knows nothing about: the note says so, and invents nothing.
        const unknown = expectedFactChecked().claims.find((claim) => flat(claim.text).startsWith(flat(CLINICS_SENTENCE)));
        assert.ok(unknown && unknown.checkworthy && unknown.matches.length === 0, 'the CLI finds no fact-check for the clinics sentence');
        await page.press('Escape');
        await waitFor('the note to close', async () => !(await page.evaluate(readFactChecks, HOST_TAG)).open);
        const other = await openNoteOf(page, CLINICS_SENTENCE);
        assert.equal(other.claimId, unknown.id);
        assert.deepEqual(other.matches, []);
        assert.equal(other.status, 'none_found');
        assert.equal(other.statusText, MESSAGES.noteNoFactChecks.message);

        const panel = await openPanel(session, page);
        try {
          const state = await waitFor('the panel summary', async () => {
            const read = await panel.evaluate(readPanel);
            return read.summary.length > 0 && read;
          });
          const matched = state.summary.find((line) => line.startsWith(countMessage('summaryMatched', 1)));
          assert.ok(matched, `the summary counts one claim with a published fact-check: ${JSON.stringify(state.summary)}`);
          assert.ok(matched.includes('False: 1'), 'and its verdict');
          const line = await panel.evaluate(() => [...document.querySelectorAll('.claim-factchecks')].map((el) => el.textContent));
          assert.deepEqual(line, ['PolitiFact: False'], 'the claim list shows the verdict by the claim');
        } finally {
          await panel.close();
        }
      });
    });

    it('says who a claim is attributed to with their role, and when the article leaves it open between two people, names both', async () => {
      await session.resetData();
      const path = '/pages/ambiguous-speaker.html';
      const expected = analyzeWithCli(join(PAGES_DIR, 'ambiguous-speaker.html'), session.server.baseUrl + path);
      const open = expected.claims.find((claim) => claim.text.startsWith('Kelly said'));
      assert.deepEqual(open?.sourcing.speaker_candidates, ['John Kelly', 'Mark Kelly'], 'the core leaves the speaker open');
      const named = expected.claims.find((claim) => claim.sourcing.speaker === 'Lena Okafor');
      assert.ok(named?.checkworthy && named.sourcing.speaker_role, 'the core names the auditor with her role');
      await withPage(session, path, async (page) => {
        await activate(page);
        await openNoteOf(page, 'Kelly said the county');
        const ambiguous = await page.evaluate(readSourcing, HOST_TAG);
        assert.equal(ambiguous.speaker, null, 'no speaker picked silently');
        assert.equal(ambiguous.ambiguous, message('noteAmbiguousCandidates', `John Kelly${MESSAGES.noteCandidatesSeparator.message}Mark Kelly`));
        assert.equal(ambiguous.why, open.sourcing.attribution_note);
        await page.press('Escape');
        await waitFor('the note to close', async () => !(await page.evaluate(readFactChecks, HOST_TAG)).open);
        await openNoteOf(page, named.text.slice(0, 30));
        const sourced = await page.evaluate(readSourcing, HOST_TAG);
        assert.deepEqual(sourced, { speaker: 'Lena Okafor', role: named.sourcing.speaker_role, ambiguous: null, why: null });
      });
    });

    it('asks the live source only when turned on: a match, the cache on the second analysis, and failures (403, malformed) beside the local results', async () => {
      await session.resetData();
      const firefox = session.browser.name === 'firefox';
      // Firefox: the test answers the permission prompt (host + data collection) and the stub sends no
      // CORS headers, so only the granted permission lets the request through. Chromium under
      // automation cannot answer the prompt (it stays open); the stub answers CORS, as Google's API does.
      const stub = await startLiveStub({ cors: !firefox });
      const options = await openReady(session, 'options.html');
      try {
        // Off by default, and the page says plainly, next to the switch, what leaves the browser when it is on.
        assert.equal(await options.evaluate(() => document.getElementById('live-enabled').checked), false, 'off by default');
        const privacy = await textOf(options, '#live-privacy');
        assert.equal(privacy, MESSAGES.optionsLivePrivacy.message);
        assert.match(privacy, /sends the text of at most 5 of its claims/);
        assert.ok((await options.evaluate(() => document.getElementById('live-enabled').getAttribute('aria-describedby'))).split(' ').includes('live-privacy'));
        if (firefox) {
          await session.browser.grantPermissions({ origins: ['http://127.0.0.1/*'], data_collection: ['websiteContent'] });
        }
        await typeInto(options, '#live-endpoint', stub.endpoint('ok'));
        await typeInto(options, '#live-key', 'e2e-test-key');
        await clickElement(options, '#live-enabled');
        await waitFor('the live source to be saved as on', async () => (await storedLiveSource(options))?.enabled === true);
        assert.equal(await textOf(options, '#live-warning'), '', 'the permission was not refused');
        const expected = expectedFactChecked();
        const top = expected.claims.filter((claim) => claim.checkworthy).length;
        const sent = Math.min(top, 5);

        // 1. A match from the live source, beside the built-in pack's.
        await withPage(session, FACT_CHECKED_PAGE, async (page) => {
          await activate(page);
          await openNoteOf(page, CHECKED_SENTENCE);
          let last;
          const note = await waitFor('the live answer in the note', async () => {
            last = await page.evaluate(readFactChecks, HOST_TAG);
            return last.live?.state === 'done' && last;
          }).catch(async (error) => {
            throw new Error(`${error.message}; the note showed ${JSON.stringify(last)}; the stub had ${stub.requests.length} requests; stored ${JSON.stringify(await storage(options))}`);
          });
          assert.equal(note.matches[0]?.verdict, 'False', 'the local match stays');
          assert.equal(note.live.matches.length, 1);
          assert.equal(note.live.matches[0].verdict, LIVE_REVIEW.textualRating);
          assert.equal(note.live.matches[0].publisher, LIVE_REVIEW.publisher.name);
          assert.equal(note.live.matches[0].link, LIVE_REVIEW.url);
          assert.equal(note.live.cached, false);
        });
        await waitFor(`${sent} requests, one per top claim`, () => stub.count('ok') === sent);
        // What left the browser: each claim's text, the key and a page size; nothing else.
        for (const request of stub.requests) {
          assert.deepEqual(request.params, ['key', 'pageSize', 'query']);
          assert.equal(request.key, 'e2e-test-key');
          assert.ok(expected.claims.some((claim) => claim.checkworthy && claim.text === request.query), `sent a claim's text: ${request.query}`);
        }

        // 2. The second analysis of the page answers from the cache: no new request.
        await withPage(session, FACT_CHECKED_PAGE, async (page) => {
          await activate(page);
          await openNoteOf(page, CHECKED_SENTENCE);
          const note = await waitFor('the cached live answer', async () => {
            const state = await page.evaluate(readFactChecks, HOST_TAG);
            return state.live?.state === 'done' && state;
          });
          assert.equal(note.live.cached, true, 'the note says the answer came from the cache');
          assert.equal(note.live.matches[0]?.link, LIVE_REVIEW.url);
        });
        assert.equal(stub.count('ok'), sent, 'the cache answered: the stub was not asked again');

        // 3. A refused key (403) and a malformed answer: said in the note, local results intact.
        for (const [kind, failure, words] of [
          ['forbidden', 'http', /HTTP 403/],
          ['malformed', 'malformed', new RegExp(MESSAGES.noteLiveMalformed.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
        ]) {
          await options.bringToFront();
          await typeInto(options, '#live-endpoint', stub.endpoint(kind));
          await waitFor('the endpoint to be saved', async () => (await storedLiveSource(options))?.endpoint === stub.endpoint(kind));
          await withPage(session, FACT_CHECKED_PAGE, async (page) => {
            await activate(page);
            await openNoteOf(page, CHECKED_SENTENCE);
            const note = await waitFor(`the ${kind} failure in the note`, async () => {
              const state = await page.evaluate(readFactChecks, HOST_TAG);
              return state.live?.state === 'failed' && state;
            });
            assert.equal(note.live.failure, failure);
            assert.match(note.live.failureText, words);
            assert.equal(note.matches[0]?.verdict, 'False', 'the built-in pack’s match is still shown');
            assert.equal(note.matches[0]?.link, POLITIFACT_URL);
          });
          assert.ok(stub.count(kind) >= 1, `the ${kind} endpoint was asked`);
        }
      } finally {
        await options.close();
        await stub.close();
        if (firefox) {
          const control = await session.browser.open(session.browser.extensionUrl('notes.html'));
          await control.evaluate(() => (globalThis.browser ?? chrome).permissions.remove({ origins: ['http://127.0.0.1/*'] }));
          await control.close();
        }
      }
    });

    it('imports a pack file and ClaimReview JSON-LD (a corrupt file is refused and changes nothing; a bad record is reported), uses them, removes them, and can turn the built-in pack off', async (t) => {
      await session.resetData();
      // A one-record pack, built with the CLI from PolitiFact-style JSON Lines.
      const jsonl = join(tmp, 'clinics.jsonl');
      writeFileSync(
        jsonl,
        `${JSON.stringify({
          id: 'e2e-1',
          claim: 'The county health department held 14 walk-in vaccination clinics last autumn.',
          verdict: 'mostly-true',
          speaker: 'Westmere County',
          stated: 'stated on October 1, 2025 in an annual report:',
          title: 'Westmere clinics: close to the record',
          url: 'https://checks.example/westmere-clinics',
        })}\n`,
      );
      const good = join(tmp, 'clinics.clpack');
      cli(['index', 'build', jsonl, '-o', good, '--name', 'e2e-clinics', '--description', 'One test fact-check', '--source', 'ClaimLens e2e test', '--licence', 'test data']);
      const bytes = readFileSync(good);
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(flipped.length / 2)] ^= 0xff;
      const corrupt = join(tmp, 'corrupt.clpack');
      writeFileSync(corrupt, flipped);
      const notAPack = join(tmp, 'notes.clpack');
      writeFileSync(notAPack, 'these are my notes, not a pack\n');

      const options = await openReady(session, 'options.html');
      try {
        const before = await waitFor('the pack list', async () => {
          const list = await packList(options);
          return list.length > 0 && list;
        });
        assert.deepEqual(before.map((pack) => [pack.name, pack.builtIn, pack.loaded]), [['politifact', true, true]]);
        assert.ok(before[0].text.includes('CLEF CheckThat! 2022'), 'the built-in pack is credited with its source');
        assert.ok(before[0].text.includes('PolitiFact'), 'and the fact-checker');
        assert.ok(!before[0].removable, 'the built-in pack cannot be removed');
        const timing = await options.evaluate(() => document.getElementById('packs-timing').textContent);
        t.diagnostic(`${session.browser.name}: ${timing} (the built-in pack, 6.7 MB; a measurement, not asserted)`);

        for (const [file, name] of [
          [corrupt, 'corrupt.clpack'],
          [notAPack, 'notes.clpack'],
        ]) {
          await options.chooseFile('#pack-file', file);
          const status = await waitFor(`the error for ${name}`, async () => {
            const state = await options.evaluate(() => ({ text: document.getElementById('pack-status').textContent, error: document.getElementById('pack-status').classList.contains('error') }));
            return state.error && state.text.includes(name) && state;
          });
          assert.ok(status.text.endsWith('Nothing was changed.'), status.text);
          assert.deepEqual((await packList(options)).map((pack) => pack.name), ['politifact'], 'the packs are as they were');
        }

        await options.chooseFile('#pack-file', good);
        await waitFor('the import to be confirmed', async () => (await textOf(options, '#pack-status')) === message('optionsPackImportDone', 'e2e-clinics', '1'));
        const listed = await waitFor('the imported pack in the list', async () => {
          const list = await packList(options);
          return list.length === 2 && list;
        });
        assert.deepEqual(listed.map((pack) => [pack.name, pack.builtIn, pack.loaded, pack.removable]), [
          ['politifact', true, true, false],
          ['e2e-clinics', false, true, true],
        ]);
        assert.ok(listed[1].text.includes('ClaimLens e2e test') && listed[1].text.includes('clinics.clpack'));

        // The analysis consults it.
        await withPage(session, FACT_CHECKED_PAGE, async (page) => {
          await activate(page);
          const note = await openNoteOf(page, CLINICS_SENTENCE);
          assert.equal(note.matches[0]?.pack, 'e2e-clinics');
          assert.equal(note.matches[0]?.link, 'https://checks.example/westmere-clinics');
        });

        await options.bringToFront();
        await clickElement(options, '#packs li[data-pack="e2e-clinics"] .pack-remove');
        await waitFor('the pack to be removed', async () => (await textOf(options, '#pack-status')) === message('optionsPackRemoved', 'e2e-clinics'));
        assert.deepEqual((await packList(options)).map((pack) => pack.name), ['politifact']);
        assert.deepEqual(await storedPackNames(options), [], 'and from the database');

        // Published fact-checks as ClaimReview JSON-LD, one record broken: the pack is built here from the
        // good one, the broken one is reported with its place and reason, and the pack is stored.
        const jsonLd = join(tmp, 'Westmere checks.json');
        writeFileSync(
          jsonLd,
          JSON.stringify([
            {
              '@context': 'https://schema.org',
              '@type': 'ClaimReview',
              claimReviewed: 'The county health department held 14 walk-in vaccination clinics last autumn.',
              url: 'https://checks.example/westmere-json',
              datePublished: '2025-10-02',
              author: { '@type': 'Organization', name: 'Westmere Checks' },
              reviewRating: { '@type': 'Rating', alternateName: 'Mostly True' },
            },
            { '@type': 'ClaimReview', url: 'https://checks.example/no-claim', reviewRating: { alternateName: 'False' } },
          ]),
        );
        await options.chooseFile('#pack-file', jsonLd);
        await waitFor('the JSON-LD import to be confirmed', async () => (await textOf(options, '#pack-status')) === message('optionsPackImportDone', 'westmere-checks', '1'));
        const report = await options.evaluate(() => ({
          hidden: document.getElementById('pack-report').hidden,
          summary: document.querySelector('#pack-report .pack-report-summary')?.textContent,
          issues: [...document.querySelectorAll('#pack-report .pack-report-issues li')].map((li) => li.textContent),
        }));
        assert.equal(report.hidden, false);
        assert.equal(report.summary, message('optionsPackImportReport', 'ClaimReview JSON-LD', '1', '1', '0'));
        assert.equal(report.issues.length, 1, 'the broken record is reported, not dropped silently');
        assert.match(report.issues[0], /^\[1\]: .*claimReviewed.*record skipped/);
        assert.deepEqual((await packList(options)).map((pack) => [pack.name, pack.loaded, pack.removable]), [
          ['politifact', true, false],
          ['westmere-checks', true, true],
        ]);
        assert.deepEqual(await storedPackNames(options), [['westmere-checks', 'Westmere checks.json', true]], 'stored in IndexedDB with the file it was built from');
        await withPage(session, FACT_CHECKED_PAGE, async (page) => {
          await activate(page);
          const note = await openNoteOf(page, CLINICS_SENTENCE);
          assert.equal(note.matches[0]?.pack, 'westmere-checks');
          assert.equal(note.matches[0]?.verdict, 'Mostly True');
          assert.equal(note.matches[0]?.publisher, 'Westmere Checks');
          assert.equal(note.matches[0]?.link, 'https://checks.example/westmere-json');
        });
        // The imported pack outlives the background: stopped (as the browser does when it is idle) and
        // started again by the next message, it loads the pack from IndexedDB.
        await session.browser.restartBackground();
        await options.bringToFront();
        await options.reload();
        const afterRestart = await waitFor('the pack list from the restarted background', async () => {
          const list = await packList(options);
          return list.length === 2 && list;
        });
        assert.deepEqual(afterRestart.map((pack) => [pack.name, pack.loaded]), [
          ['politifact', true],
          ['westmere-checks', true],
        ]);
        await withPage(session, FACT_CHECKED_PAGE, async (page) => {
          await activate(page);
          const note = await openNoteOf(page, CLINICS_SENTENCE);
          assert.equal(note.matches[0]?.link, 'https://checks.example/westmere-json', 'the restarted background still matches with it');
        });

        // After an upgrade whose core no longer reads a stored pack, one built from the reader's file is
        // rebuilt from that file, not lost. (Simulated: the stored pack's bytes are replaced by unreadable ones.)
        await options.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('claimlens-factchecks');
              open.onsuccess = () => {
                const store = open.result.transaction('packs', 'readwrite').objectStore('packs');
                const get = store.get('westmere-checks');
                get.onsuccess = () => {
                  const put = store.put({ ...get.result, bytes: new Uint8Array([0x89, 0x43, 0x4c, 0x50, 0x41, 0x43, 0x4b, 0x0a, 0, 99]) });
                  put.onsuccess = () => resolve(open.result.close());
                  put.onerror = () => reject(put.error);
                };
              };
              open.onerror = () => reject(open.error);
            }),
        );
        await session.browser.restartBackground();
        await options.reload();
        const rebuilt = await waitFor('the pack list after the simulated upgrade', async () => {
          const list = await packList(options);
          return list.length === 2 && list;
        });
        assert.deepEqual(rebuilt.map((pack) => [pack.name, pack.loaded]), [
          ['politifact', true],
          ['westmere-checks', true],
        ], 'rebuilt from its original file');
        await waitFor('the rebuilt pack to be stored again', async () => (await storedPackBytes(options, 'westmere-checks')) > 10);

        // A file of no fact-checks at all is refused and changes nothing.
        await options.bringToFront();
        const notJson = join(tmp, 'broken.json');
        writeFileSync(notJson, '{"@type": "ClaimReview", "claimReviewed": ');
        await options.chooseFile('#pack-file', notJson);
        const refused = await waitFor('the error for broken.json', async () => {
          const state = await options.evaluate(() => ({ text: document.getElementById('pack-status').textContent, error: document.getElementById('pack-status').classList.contains('error'), report: document.getElementById('pack-report').hidden }));
          return state.error && state.text.includes('broken.json') && state;
        });
        assert.match(refused.text, /not valid JSON/);
        assert.ok(refused.text.endsWith('Nothing was changed.'), refused.text);
        assert.equal(refused.report, true, 'no report for a file that was not imported');
        assert.deepEqual((await packList(options)).map((pack) => pack.name), ['politifact', 'westmere-checks']);
        await clickElement(options, '#packs li[data-pack="westmere-checks"] .pack-remove');
        await waitFor('the JSON-LD pack to be removed', async () => (await textOf(options, '#pack-status')) === message('optionsPackRemoved', 'westmere-checks'));

        // The built-in pack, off: the note says no pack is loaded (not "none found").
        await clickElement(options, '#pack-builtin');
        await waitFor('the built-in pack to be off', async () => (await packList(options))[0]?.loaded === false);
        await withPage(session, FACT_CHECKED_PAGE, async (page) => {
          await activate(page);
          const note = await openNoteOf(page, CHECKED_SENTENCE);
          assert.equal(note.matches.length, 0);
          assert.equal(note.status, 'no_packs');
          assert.equal(note.statusText, MESSAGES.noteNoPacks.message);
        });
        assert.deepEqual(await seriousViolations(options, 'section[aria-labelledby="packs-heading"]'), []);
      } finally {
        await options.close();
      }
    });

    const threads = [
      { name: 'the templated thread fixture', path: '/fixtures/templated-thread.html', file: join(FIXTURES_DIR, 'templated-thread.html') },
      { name: 'the shared seed page', path: '/shared/seed-article.html', file: join(SHARED_FIXTURES_DIR, 'seed-article.html') },
    ];
    for (const thread of threads) {
      it(`marks the templated comment section of ${thread.name} at its heading; the finding opens with its cluster highlights, toggled with the overlay`, async () => {
        assert.ok(existsSync(thread.file), `this test needs ${thread.file} (../shared beside the repository, or $CLAIMLENS_SHARED)`);
        await session.resetData();
        const expected = analyzeWithCli(thread.file, session.server.baseUrl + thread.path).comments;
        assert.ok(expected.flagged && expected.finding, 'the core flags the section');
        const members = expected.clusters.flatMap((cluster) => cluster.members.map((member) => member.index)).sort((a, b) => a - b);
        await withPage(session, thread.path, async (page) => {
          const highlights = await activate(page);
          assert.ok(highlights.every((range) => !range.inComments), 'the comments are never among the claims');
          await page.evaluate(() => document.querySelector('#comments h2, .comments h2').scrollIntoView({ block: 'center' }));
          const state = await waitFor('the marker beside the heading', async () => {
            const read = await page.evaluate(readComments, HOST_TAG);
            return read.marker && read.heading && Math.abs(read.marker.box.y + read.marker.box.height / 2 - (read.heading.y + read.heading.height / 2)) < read.heading.height / 2 && read;
          });
          assert.equal(state.hosts, 1, 'the marker is in the one host element');
          assert.equal(state.markerInPage, false, 'never in the page’s own nodes');
          assert.ok(state.marker.box.x >= state.heading.right, 'after the heading’s text');
          assert.equal(state.marker.expanded, 'false');
          assert.deepEqual((await page.evaluate(readClusterHighlights)).covered, [], 'no cluster highlight until the finding is opened');

          await page.click(state.marker.box.x + state.marker.box.width / 2, state.marker.box.y + state.marker.box.height / 2);
          const open = await waitFor('the finding to open', async () => {
            const read = await page.evaluate(readComments, HOST_TAG);
            return read.open && read;
          });
          assert.equal(open.label, MESSAGES.commentsTitle.message);
          assert.equal(open.finding, expected.finding);
          assert.equal(open.marker.expanded, 'true');
          const clusters = await page.evaluate(readClusterHighlights);
          assert.deepEqual(clusters.covered, members, 'exactly the members of the clusters share the highlight');
          assert.ok(clusters.texts.every((text) => text.trim().length > 0));
          assert.deepEqual(await seriousViolations(page, [[HOST_TAG, '.note']]), []);

          await page.press('Escape');
          await waitFor('the finding to close', async () => !(await page.evaluate(readComments, HOST_TAG)).open);
          // (The popover's toggle event, which takes the highlight away, follows the close by a task.)
          await waitFor('the cluster highlight to go with the finding', async () => (await page.evaluate(readClusterHighlights)).covered.length === 0);

          // Toggled with the overlay.
          await page.clickToolbarButton();
          await waitFor('the marker to go with the highlights', async () => (await page.evaluate(readComments, HOST_TAG)).marker === null);
          await page.clickToolbarButton();
          await waitFor('the marker to come back', async () => (await page.evaluate(readComments, HOST_TAG)).marker !== null);

          const panel = await openPanel(session, page);
          try {
            const section = await waitFor('the panel’s comment section', () =>
              panel.evaluate(() => {
                const mount = document.querySelector('[data-claimlens-mount="comments"]');
                return mount && !mount.hidden && mount.querySelector('.comments-finding-text') && {
                  heading: mount.querySelector('h2')?.textContent,
                  finding: mount.querySelector('.comments-finding-text')?.textContent,
                  flagged: mount.dataset.flagged,
                  claims: [...document.querySelectorAll('.claim-list .claim-text')].map((el) => el.textContent),
                };
              }),
            );
            assert.equal(section.heading, MESSAGES.commentsTitle.message);
            assert.equal(section.finding, expected.finding);
            assert.equal(section.flagged, 'true');
            const commentTexts = expected.items.map((item) => flat(item.text));
            assert.ok(!section.claims.some((claim) => commentTexts.some((text) => text.includes(flat(claim)))), 'no comment in the claim list');
          } finally {
            await panel.close();
          }
        });
      });
    }

    it('puts no marker on an ordinary comment thread, and says so in the panel', async () => {
      await session.resetData();
      const path = '/fixtures/ordinary-thread.html';
      const expected = analyzeWithCli(join(FIXTURES_DIR, 'ordinary-thread.html'), session.server.baseUrl + path).comments;
      assert.equal(expected.flagged, false);
      assert.ok(expected.count > 0, 'the page has a comment section');
      await withPage(session, path, async (page) => {
        await activate(page);
        const state = await page.evaluate(readComments, HOST_TAG);
        assert.equal(state.marker, null, 'no marker');
        const panel = await openPanel(session, page);
        try {
          const text = await waitFor('the panel’s comment section', () =>
            panel.evaluate(() => {
              const mount = document.querySelector('[data-claimlens-mount="comments"]');
              return mount && !mount.hidden && mount.querySelector('.comments-finding-text')?.textContent;
            }),
          );
          const key = expected.level === 'some' ? 'commentsSomeRepetition' : 'commentsNoFinding';
          assert.equal(text, message(key, String(expected.analysed)));
        } finally {
          await panel.close();
        }
      });
    });
  });
}
