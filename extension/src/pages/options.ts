// The options page. Every change is validated and saved at once (the status
// line says where: synced, or on this device only); changes made elsewhere
// (another options tab, the claims panel) show up here too. It also turns
// the live source on (asking for its host permission from that click).
// The fact-check packs are options-packs.ts; the data section (problems log,
// export, delete all) is options-data.ts.

import { endpointOriginPattern } from '../factchecks/live-client';
import { coreInfo } from '../notes/client';
import { ext, translate as t } from '../platform';
import { CLAIM_KINDS, type Settings, SOURCING_KINDS, normalizeHost, defaultSettings } from '../settings/schema';
import { loadSettingsReport, onSettingsChanged, updateSettings } from '../settings/store';
import { originPattern } from '../site-permission';
import { SOURCING_LABELS, kindLabel } from '../ui/note-view';
import { byId, localize } from './localize';
import { renderNotesSummary, renderProblems, wireData } from './options-data';
import { renderPacks, wirePacks } from './options-packs';

const doc = document;
let current: Settings = defaultSettings();
let modelDefault = 0.5;

// ------------------------------------------------------------------ saving

/**
 * Applies `change` to the settings as stored now (another context, e.g. the
 * claims panel, may have changed them since this page last heard) and saves
 * them; the page shows the result.
 */
async function update(change: (settings: Settings) => void): Promise<void> {
  const status = byId(doc, 'save-status');
  status.classList.remove('error');
  try {
    const { settings, area } = await updateSettings(change);
    current = settings;
    status.textContent = t(area === 'sync' ? 'optionsSaved' : 'optionsSavedLocal');
  } catch (error) {
    status.classList.add('error');
    status.textContent = t('optionsSaveFailed', [error instanceof Error ? error.message : String(error)]);
  }
  render();
  await renderProblems();
}

// ------------------------------------------------------------------ rendering

function checkbox(container: HTMLElement, id: string, label: string, checked: boolean, onChange: (checked: boolean) => void): void {
  let input = doc.getElementById(id) as HTMLInputElement | null;
  if (!input) {
    const field = doc.createElement('div');
    field.className = 'field';
    input = doc.createElement('input');
    input.type = 'checkbox';
    input.id = id;
    const text = doc.createElement('label');
    text.htmlFor = id;
    text.textContent = label;
    field.append(input, text);
    container.append(field);
    const box = input;
    box.addEventListener('change', () => onChange(box.checked));
  }
  input.checked = checked;
}

function renderSites(list: 'always' | 'never'): void {
  const ul = byId(doc, `sites-${list}`);
  const items = current.sites[list].map((host) => {
    const li = doc.createElement('li');
    const name = doc.createElement('span');
    name.textContent = host;
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.textContent = t('optionsSitesRemove');
    remove.setAttribute('aria-label', t('optionsSitesRemoveLabel', [host]));
    remove.addEventListener('click', () => {
      void update((s) => {
        s.sites[list] = s.sites[list].filter((h) => h !== host);
      }).then(() => byId(doc, `add-${list}-input`).focus());
    });
    li.append(name, remove);
    return li;
  });
  if (items.length === 0) {
    const li = doc.createElement('li');
    li.className = 'empty';
    li.textContent = t('optionsSitesEmpty');
    items.push(li);
  }
  ul.replaceChildren(...items);
}

/** Shows `current` in every control, leaving alone the text field the reader is typing in. */
function render(): void {
  byId<HTMLInputElement>(doc, 'enabled').checked = current.enabled;

  const useDefault = current.threshold === null;
  const threshold = current.threshold ?? modelDefault;
  byId<HTMLInputElement>(doc, 'threshold-default').checked = useDefault;
  const slider = byId<HTMLInputElement>(doc, 'threshold');
  slider.disabled = useDefault;
  slider.value = String(threshold);
  slider.setAttribute('aria-valuetext', valueText(threshold));
  byId(doc, 'threshold-value').textContent = valueText(threshold);

  for (const kind of CLAIM_KINDS) {
    checkbox(byId(doc, 'kinds'), `kind-${kind}`, kindLabel(kind, t), current.kinds[kind], (checked) =>
      void update((s) => {
        s.kinds[kind] = checked;
      }),
    );
  }
  for (const kind of SOURCING_KINDS) {
    checkbox(byId(doc, 'sourcing'), `sourcing-${kind}`, t(SOURCING_LABELS[kind]), current.sourcing[kind], (checked) =>
      void update((s) => {
        s.sourcing[kind] = checked;
      }),
    );
  }
  renderSites('always');
  renderSites('never');

  const live = current.liveSource;
  byId<HTMLInputElement>(doc, 'live-enabled').checked = live.enabled;
  setUnlessFocused('live-key', live.apiKey);
  setUnlessFocused('live-endpoint', live.endpoint);
  setUnlessFocused('live-cache', String(live.cacheHours));
  byId(doc, 'live-warning').textContent = liveNotice || (live.enabled && live.apiKey === '' ? t('optionsLiveNoKey') : '');
  const builtIn = doc.getElementById('pack-builtin') as HTMLInputElement | null;
  if (builtIn) builtIn.checked = current.packs.builtIn;
}

/** Why the live source was turned back off (the reader refused its permission), until the next change. */
let liveNotice = '';

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/**
 * Asks for what the live source needs to reach `endpoint`: its host
 * permission (optional_host_permissions) and, in Firefox, the optional
 * "website content" data-collection permission the manifest declares (claim
 * text is website content). Must be called from the reader's gesture. Resolves
 * false when refused or impossible.
 */
function requestLivePermission(endpoint: string): Promise<boolean> {
  const pattern = endpointOriginPattern(endpoint);
  if (pattern === null) return Promise.resolve(false);
  const manifest = ext.runtime.getManifest() as { browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } } };
  const optional = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? [];
  const wanted: chrome.permissions.Permissions & { data_collection?: string[] } = { origins: [pattern] };
  if (optional.includes('websiteContent')) wanted.data_collection = ['websiteContent'];
  try {
    return ext.permissions.request(wanted).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

function setUnlessFocused(id: string, value: string): void {
  const input = byId<HTMLInputElement>(doc, id);
  if (doc.activeElement !== input) input.value = value;
}

function valueText(threshold: number): string {
  const value = threshold.toFixed(2);
  return Math.abs(threshold - modelDefault) < 1e-9 ? t('optionsThresholdValueDefault', [value]) : value;
}

// ------------------------------------------------------------------ wiring

function wireSettings(): void {
  byId<HTMLInputElement>(doc, 'enabled').addEventListener('change', (event) => {
    const checked = (event.target as HTMLInputElement).checked;
    void update((s) => {
      s.enabled = checked;
    });
  });
  byId<HTMLInputElement>(doc, 'threshold-default').addEventListener('change', (event) => {
    const useDefault = (event.target as HTMLInputElement).checked;
    void update((s) => {
      s.threshold = useDefault ? null : Number(byId<HTMLInputElement>(doc, 'threshold').value);
    });
  });
  const slider = byId<HTMLInputElement>(doc, 'threshold');
  slider.addEventListener('input', () => {
    const value = Number(slider.value);
    byId(doc, 'threshold-value').textContent = valueText(value);
    slider.setAttribute('aria-valuetext', valueText(value));
  });
  slider.addEventListener('change', () => {
    const value = Number(slider.value);
    void update((s) => {
      s.threshold = value;
    });
  });

  for (const list of ['always', 'never'] as const) {
    byId(doc, `add-${list}`).addEventListener('submit', (event) => {
      event.preventDefault();
      const input = byId<HTMLInputElement>(doc, `add-${list}-input`);
      const error = byId(doc, `add-${list}-error`);
      const host = normalizeHost(input.value);
      if (host === null) {
        error.textContent = t('optionsSitesInvalid', [input.value.slice(0, 80)]);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.value = '';
      const other = list === 'always' ? 'never' : 'always';
      const isNew = !current.sites[list].includes(host);
      // "Always" needs the site's host permission (background/sites.ts registers the content
      // script only for granted sites): asked for now, while the reader's gesture is current.
      const permission = list === 'always' && isNew ? ext.permissions.request({ origins: [originPattern(host)] }) : undefined;
      void update((s) => {
        if (!s.sites[list].includes(host)) s.sites[list].push(host);
        // A site is annotated always or never, not both.
        s.sites[other] = s.sites[other].filter((h) => h !== host);
      }).then(async () => {
        if (permission && !(await permission.catch(() => false))) {
          await update((s) => {
            s.sites.always = s.sites.always.filter((h) => h !== host);
          });
          error.textContent = t('optionsSitesPermissionRefused', [host]);
        }
      });
    });
  }

  byId<HTMLInputElement>(doc, 'live-enabled').addEventListener('change', (event) => {
    const checked = (event.target as HTMLInputElement).checked;
    // Asked now, while the reader's click is current: the endpoint's host permission.
    const permission = checked ? requestLivePermission(current.liveSource.endpoint) : undefined;
    liveNotice = '';
    void update((s) => {
      s.liveSource.enabled = checked;
    }).then(async () => {
      if (permission && !(await permission)) {
        liveNotice = t('optionsLivePermissionRefused', [hostOf(current.liveSource.endpoint)]);
        await update((s) => {
          s.liveSource.enabled = false;
        });
      }
    });
  });
  byId<HTMLInputElement>(doc, 'live-key').addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    void update((s) => {
      s.liveSource.apiKey = value;
    });
  });
  const show = byId(doc, 'live-key-show');
  show.addEventListener('click', () => {
    const key = byId<HTMLInputElement>(doc, 'live-key');
    const visible = key.type === 'password';
    key.type = visible ? 'text' : 'password';
    show.setAttribute('aria-pressed', String(visible));
  });
  byId<HTMLInputElement>(doc, 'live-endpoint').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const error = byId(doc, 'live-endpoint-error');
    const value = input.value.trim();
    if (!/^https?:\/\/\S+$/.test(value)) {
      error.textContent = t('optionsLiveEndpointInvalid');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    // A new service needs its own permission: asked while the reader's input is current.
    const permission = current.liveSource.enabled && value !== current.liveSource.endpoint ? requestLivePermission(value) : undefined;
    liveNotice = '';
    void update((s) => {
      s.liveSource.endpoint = value;
    }).then(async () => {
      if (permission && !(await permission)) {
        liveNotice = t('optionsLivePermissionRefused', [hostOf(value)]);
        render();
      }
    });
  });
  byId<HTMLInputElement>(doc, 'live-cache').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const error = byId(doc, 'live-cache-error');
    const hours = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > 24 * 365) {
      error.textContent = t('optionsLiveCacheInvalid');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    void update((s) => {
      s.liveSource.cacheHours = hours;
    });
  });
}


async function start(): Promise<void> {
  localize(doc);
  try {
    const info = await coreInfo();
    modelDefault = info.defaultThreshold;
    byId(doc, 'about').textContent = t('optionsAbout', [ext.runtime.getManifest().version, info.version]);
  } catch (error) {
    byId(doc, 'about').textContent = t('optionsCoreUnavailable', [error instanceof Error ? error.message : String(error)]);
  }
  const defaultText = modelDefault.toFixed(2);
  byId(doc, 'threshold-default-label').textContent = t('optionsThresholdUseDefault', [defaultText]);
  byId(doc, 'threshold-default-mark').textContent = t('optionsThresholdDefaultMark', [defaultText]);
  byId<HTMLOptionElement>(doc, 'threshold-default-option').value = String(modelDefault);

  const loaded = await loadSettingsReport();
  current = loaded.settings;
  wireSettings();
  wirePacks({ settings: () => current, update });
  wireData({
    settings: () => current,
    showDefaults: () => {
      current = defaultSettings();
      render();
    },
    renderPacks,
  });
  render();
  if (loaded.problems.length > 0) {
    const status = byId(doc, 'save-status');
    status.classList.add('error');
    status.textContent = t('optionsLoadedWithProblems', [String(loaded.problems.length)]);
  }
  onSettingsChanged(() => {
    // Read through the store's repair: a corrupt value another context wrote is fixed and logged, and shown.
    void loadSettingsReport().then((report) => {
      const packsChanged = report.settings.packs.builtIn !== current.packs.builtIn;
      current = report.settings;
      render();
      void renderProblems();
      if (packsChanged) void renderPacks();
    });
  });
  await Promise.all([renderProblems(), renderNotesSummary(), renderPacks()]);
  doc.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  const status = byId(doc, 'save-status');
  status.classList.add('error');
  status.textContent = `ClaimLens: ${error instanceof Error ? error.message : String(error)}`;
});
