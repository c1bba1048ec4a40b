// The options page and the notes view, end to end in each browser: changes
// made with the mouse and keyboard are saved and persist; corrupt stored
// settings fall back field by field with a visible report; export all data
// and delete all data (confirmed in a dialog); axe-core finds no serious or
// critical accessibility violation on either page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seriousViolations } from './axe.mjs';
import { modelDefaultThreshold } from './expected-analysis.mjs';
import { clickElement, openReady, resetExtensionData, textOf, waitReady } from './extension-pages.mjs';
import { message } from './overlay-names.mjs';
import { waitFor } from './wait-for.mjs';


/** A threshold as the slider holds it: on its 0.01 steps. */
const onStep = (value) => Math.round(value * 100) / 100;

function readStorage(page) {
  return page.evaluate(async () => {
    const api = globalThis.browser ?? chrome;
    return { sync: await api.storage.sync.get(null), local: await api.storage.local.get(null) };
  });
}

function controls(page) {
  return page.evaluate(() => {
    const checked = (id) => document.getElementById(id).checked;
    const sites = (id) => [...document.querySelectorAll(`#${id} li`)].map((li) => li.querySelector('span')?.textContent ?? null);
    return {
      enabled: checked('enabled'),
      thresholdDefault: checked('threshold-default'),
      threshold: document.getElementById('threshold').value,
      sliderDisabled: document.getElementById('threshold').disabled,
      quote: checked('kind-quote'),
      event: checked('kind-event'),
      outlet: checked('sourcing-outlet'),
      always: sites('sites-always'),
      never: sites('sites-never'),
      live: checked('live-enabled'),
      key: document.getElementById('live-key').value,
    };
  });
}

async function waitSaved(page, previous = '') {
  return waitFor('the change to be saved', async () => {
    const status = await textOf(page, '#save-status');
    return status === message('optionsSaved') && status !== previous && status;
  });
}

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describeOptions(session) {
  describe('the options page', () => {
    it('saves changes made with mouse and keyboard, and they persist', async () => {
      await resetExtensionData(session);
      // The slider starts at the core's default, on its 0.01 steps; two steps right raise it by 0.02.
      const modelDefault = await modelDefaultThreshold();
      const raised = onStep(modelDefault + 0.02);
      const page = await openReady(session, 'options.html');
      try {
        assert.deepEqual(await controls(page), {
          enabled: true, thresholdDefault: true, threshold: String(onStep(modelDefault)), sliderDisabled: true, quote: true, event: true,
          outlet: true, always: [null], never: [null], live: false, key: '',
        }, 'defaults on a fresh profile (empty lists show a placeholder line)');
        assert.equal(await textOf(page, '#threshold-default-label'), message('optionsThresholdUseDefault', modelDefault.toFixed(2)), 'the model default is marked');

        await clickElement(page, '#enabled');
        await waitSaved(page);
        await clickElement(page, '#threshold-default');
        await waitFor('the slider to be enabled', () => page.evaluate(() => !document.getElementById('threshold').disabled));
        await page.press('Tab'); // to the slider
        await page.press('ArrowRight');
        await page.press('ArrowRight');
        await waitFor('the threshold to be saved', async () => (await readStorage(page)).sync.settings?.threshold === raised);
        await clickElement(page, '#kind-quote');
        await waitFor('the kind to be saved', async () => (await readStorage(page)).sync.settings?.kinds.quote === false);
        await clickElement(page, '#sourcing-outlet');
        await waitFor('the sourcing to be saved', async () => (await readStorage(page)).sync.settings?.sourcing.outlet === false);

        await clickElement(page, '#add-always-input');
        await page.type('not a site');
        await page.press('Enter');
        assert.equal(await textOf(page, '#add-always-error'), message('optionsSitesInvalid', 'not a site'));
        assert.equal(await page.evaluate(() => document.activeElement.id), 'add-always-input', 'focus stays on the field');
        await page.evaluate(() => {
          document.getElementById('add-always-input').value = '';
        });
        await page.type('News.Example.com/politics');
        await page.press('Enter');
        await waitFor('the site in the list', async () => (await controls(page)).always[0] === 'news.example.com');
        assert.equal(await textOf(page, '#add-always-error'), '');
        await clickElement(page, '#add-never-input');
        await page.type('tabloid.example');
        await page.press('Enter');
        await waitFor('the never site', async () => (await controls(page)).never[0] === 'tabloid.example');

        await clickElement(page, '#live-enabled');
        await waitFor('the no-key warning', async () => (await textOf(page, '#live-warning')) === message('optionsLiveNoKey'));
        await clickElement(page, '#live-key');
        await page.type('test-key-123');
        await page.press('Tab');
        await waitFor('the warning to go', async () => (await textOf(page, '#live-warning')) === '');

        await page.reload();
        await waitReady(page);
        assert.deepEqual(await controls(page), {
          enabled: false, thresholdDefault: false, threshold: String(raised), sliderDisabled: false, quote: false, event: true,
          outlet: false, always: ['news.example.com'], never: ['tabloid.example'], live: true, key: 'test-key-123',
        });
        const stored = await readStorage(page);
        assert.equal(stored.sync.settings.liveSource.apiKey, undefined, 'the API key is not synced');
        assert.equal(stored.local.liveSourceApiKey, 'test-key-123', 'the API key is kept locally');

        // Removing a site by its labelled button.
        await clickElement(page, '#sites-always button');
        await waitFor('the site to be removed', async () => (await readStorage(page)).sync.settings?.sites.always.length === 0);
      } finally {
        await page.close();
      }
    });

    it('falls back field by field on corrupt stored settings, and shows the report', async () => {
      await resetExtensionData(session);
      // Written from the notes view, which does not read settings: nothing repairs it before the options page opens.
      const corrupt = { version: 1, enabled: 'yes', threshold: 7, kinds: { quote: false, event: 'no' }, sites: { always: ['ok.example', 5] } };
      const writer = await openReady(session, 'notes.html');
      await writer.evaluate((value) => (globalThis.browser ?? chrome).storage.sync.set({ settings: value }), corrupt);
      await writer.close();
      const page = await openReady(session, 'options.html');
      try {
        assert.equal(await textOf(page, '#save-status'), message('optionsLoadedWithProblems', '4'));
        const state = await controls(page);
        assert.equal(state.enabled, true, 'invalid: the default');
        assert.equal(state.thresholdDefault, true, 'invalid: the default');
        assert.equal(state.quote, false, 'the valid field is kept');
        assert.equal(state.event, true, 'invalid: the default');
        assert.deepEqual(state.always, ['ok.example'], 'the valid site is kept');
        const reported = await page.evaluate(() => ({
          lines: [...document.querySelectorAll('#problems .problem li')].map((li) => li.textContent),
          data: document.querySelector('#problems .problem pre')?.textContent,
          emptyHidden: document.getElementById('problems-empty').hidden,
        }));
        assert.deepEqual(reported.lines.sort(), [
          'enabled is not true or false',
          'kinds.event is not true or false',
          'sites.always has an invalid site: 5',
          'threshold is not a number from 0 to 1',
        ]);
        assert.deepEqual(JSON.parse(reported.data), corrupt, 'the corrupt value is kept in the report');
        assert.equal(reported.emptyHidden, true);
        assert.equal((await readStorage(page)).sync.settings.enabled, true, 'storage was repaired');

        await clickElement(page, '#problems-clear');
        await waitFor('the log to clear', () => page.evaluate(() => !document.getElementById('problems-empty').hidden));

        // Corruption while the page is open is repaired and reported live.
        await page.evaluate(() => (globalThis.browser ?? chrome).storage.sync.set({ settings: { version: 1, kinds: 'all' } }));
        await waitFor('the live report', () =>
          page.evaluate(() => [...document.querySelectorAll('#problems .problem li')].some((li) => li.textContent === 'kinds is not an object')),
        );
      } finally {
        await page.close();
      }
    });

    it('exports all data as JSON, and deletes all data after confirmation', async () => {
      await resetExtensionData(session);
      const page = await openReady(session, 'options.html');
      try {
        await clickElement(page, '#kind-rule');
        await waitSaved(page);
        await page.evaluate(async () => {
          const reply = await (globalThis.browser ?? chrome).runtime.sendMessage({
            type: 'note-add',
            draft: {
              url: 'https://example.com/story',
              body: 'a note to export',
              target: { quote: { exact: 'quoted words', prefix: '', suffix: '' }, position: { start: 4, end: 16 } },
            },
          });
          if (reply.type !== 'note') throw new Error(JSON.stringify(reply));
        });
        await page.reload();
        await waitReady(page);
        assert.equal(await textOf(page, '#notes-summary'), message('optionsNotesSummary', '1', '0', '0'));

        await clickElement(page, '#export-all');
        const exported = await waitFor('the export link', () =>
          page.evaluate(async () => {
            const link = document.querySelector('#export-all-out a');
            return link ? { name: link.download, data: JSON.parse(await (await fetch(link.href)).text()) } : null;
          }),
        );
        assert.match(exported.name, /^claimlens-data-\d{4}-\d{2}-\d{2}\.json$/);
        assert.equal(exported.data.format, 'claimlens/export@1');
        assert.equal(exported.data.settings.kinds.rule, false);
        assert.equal(exported.data.settings.liveSource.apiKey, undefined, 'the API key is left out');
        assert.equal(exported.data.notes.type, 'AnnotationCollection');
        assert.deepEqual(exported.data.notes.first.items.map((a) => a.body.value), ['a note to export']);

        // Cancel keeps everything.
        await clickElement(page, '#delete-all');
        await waitFor('the dialog', () => page.evaluate(() => document.getElementById('delete-dialog').open));
        assert.equal(await page.evaluate(() => document.activeElement.id), 'delete-cancel', 'the safe choice has focus');
        await page.press('Enter');
        await waitFor('the dialog to close', () => page.evaluate(() => !document.getElementById('delete-dialog').open));
        assert.equal((await readStorage(page)).sync.settings.kinds.rule, false, 'cancel deleted nothing');

        await clickElement(page, '#delete-all');
        await waitFor('the dialog', () => page.evaluate(() => document.getElementById('delete-dialog').open));
        await clickElement(page, '#delete-confirm');
        await waitFor('the deletion', async () => (await textOf(page, '#data-status')) === message('optionsDeleteDone'));
        assert.deepEqual(await readStorage(page), { sync: {}, local: {} });
        assert.equal(await textOf(page, '#notes-summary'), message('optionsNotesSummary', '0', '0', '0'));
        assert.equal((await controls(page)).quote, true, 'the page shows the defaults again');
      } finally {
        await page.close();
      }
    });

    it('has no serious or critical accessibility violations (axe-core), on the options page and the notes view', async () => {
      await resetExtensionData(session);
      const options = await openReady(session, 'options.html');
      try {
        // Something in every section: a problem report, a site, a warning.
        await options.evaluate(() => (globalThis.browser ?? chrome).storage.sync.set({ settings: { enabled: 'yes', sites: { always: ['a.example'] }, liveSource: { enabled: true } } }));
        await options.reload();
        await waitReady(options);
        assert.deepEqual(await seriousViolations(options), []);
      } finally {
        await options.close();
      }
      const notes = await openReady(session, 'notes.html');
      try {
        await notes.evaluate(async () => {
          await (globalThis.browser ?? chrome).runtime.sendMessage({
            type: 'note-add',
            draft: { url: 'https://example.com/story', title: 'A story', body: 'a note', target: { quote: { exact: 'quoted words', prefix: '', suffix: '' } } },
          });
        });
        await notes.reload();
        await waitReady(notes);
        await waitFor('the note to be listed', () => notes.evaluate(() => document.querySelectorAll('.notes-item').length === 1));
        assert.deepEqual(await seriousViolations(notes), []);
      } finally {
        await notes.close();
      }
    });
  });
}
