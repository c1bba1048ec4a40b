// The note editor: the quoted passage, a text box and Save / Cancel. A
// self-contained component: it knows nothing of storage; the caller's
// onSave does the work and may reject with a message to show.
// Keyboard: Ctrl/Cmd+Enter saves, Escape cancels.

import type { Translate } from './i18n';

export interface NoteEditorOptions {
  t: Translate;
  /** The passage the note is on; shown, never editable. */
  quote: string;
  /** The current text when editing an existing note. */
  body?: string;
  /** Stores the note. Rejecting keeps the editor open with the error shown. */
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
}

/** Longest quote shown in full; longer ones are cut in the middle (the note keeps all of it). */
const QUOTE_PREVIEW = 400;

let editorCount = 0;

export function quotePreview(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_PREVIEW) return flat;
  // Cut on code point boundaries: a half emoji renders as a replacement box.
  const points = [...flat];
  return points.length <= QUOTE_PREVIEW ? flat : `${points.slice(0, QUOTE_PREVIEW / 2).join('')} … ${points.slice(-QUOTE_PREVIEW / 2).join('')}`;
}

/** A form for writing a note. Focus its textarea after inserting it (`focusEditor`). */
export function createNoteEditor(doc: Document, options: NoteEditorOptions): HTMLFormElement {
  const { t } = options;
  const id = `claimlens-note-editor-${++editorCount}`;
  const form = doc.createElement('form');
  form.className = 'notes-editor';
  form.setAttribute('aria-label', t(options.body === undefined ? 'notesEditorAddLabel' : 'notesEditorEditLabel'));

  const quote = doc.createElement('blockquote');
  quote.className = 'notes-quote';
  quote.textContent = quotePreview(options.quote);

  const label = doc.createElement('label');
  label.className = 'notes-label';
  label.htmlFor = id;
  label.textContent = t('notesEditorTextLabel');

  const textarea = doc.createElement('textarea');
  textarea.className = 'notes-textarea';
  textarea.id = id;
  textarea.rows = 4;
  textarea.maxLength = 50_000;
  textarea.value = options.body ?? '';

  const status = doc.createElement('p');
  status.className = 'notes-status';
  status.setAttribute('role', 'status');

  const save = doc.createElement('button');
  save.type = 'submit';
  save.className = 'notes-button notes-button-primary notes-save';
  save.textContent = t('notesEditorSave');
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.className = 'notes-button notes-cancel';
  cancel.textContent = t('notesEditorCancel');
  cancel.addEventListener('click', () => options.onCancel());

  const actions = doc.createElement('div');
  actions.className = 'notes-actions';
  actions.append(save, cancel);
  form.append(quote, label, textarea, actions, status);

  let saving = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    saving = true;
    save.disabled = true;
    status.classList.remove('notes-status-error');
    status.textContent = t('notesSaving');
    options.onSave(textarea.value).then(
      () => {
        status.textContent = t('notesSaved');
      },
      (error: unknown) => {
        status.classList.add('notes-status-error');
        status.textContent = t('notesSaveFailed', [error instanceof Error ? error.message : String(error)]);
      },
    ).finally(() => {
      saving = false;
      save.disabled = false;
    });
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === 'Escape') {
      // Our Escape: the popover around the editor must not also close on it.
      event.preventDefault();
      event.stopPropagation();
      options.onCancel();
    }
  });
  return form;
}

export function focusEditor(form: HTMLFormElement): void {
  form.querySelector('textarea')?.focus();
}
