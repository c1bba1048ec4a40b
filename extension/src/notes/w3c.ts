// Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
// JSON-LD with the anno.jsonld context:
//   export: one AnnotationCollection whose first (and only) AnnotationPage holds every note;
//   import: that, or an AnnotationPage, an array of Annotations, a single Annotation, or a
//           ClaimLens "all data" export (its `notes` member).
// Each note is an Annotation with motivation "commenting", a TextualBody, and
// a target whose source is the page's canonical URL, selected by a
// TextQuoteSelector and a TextPositionSelector. The model counts
// TextPositionSelector offsets in Unicode code points; ClaimLens's own UTF-16
// offsets travel beside it as `claimlens:utf16Position`, so a round trip is exact.
//
// Import checks every annotation and reports each bad one by index and
// reason; it never throws on bad input.

import type { TextSpan } from './anchor';
import { LIMITS, type NoteRecord, canonicalPageUrl, decodeNoteRecord, newNoteId, NOTE_RECORD_VERSION } from './model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Namespace of the few ClaimLens terms an annotation carries beyond the model. */
export const CLAIMLENS_NAMESPACE = 'https://claimlens.dev/ns/annotation#';
export const EXPORT_CONTEXT = [ANNOTATION_CONTEXT, { claimlens: CLAIMLENS_NAMESPACE }];
/** The "all data" export wraps the notes collection in this format. */
export const ALL_DATA_FORMAT = 'claimlens/export@1';
/** More annotations than this in one file are not read. */
export const MAX_IMPORT = 100_000;

export interface ImportProblem {
  /** Position of the annotation in the file's list (0-based); -1 for the file as a whole. */
  index: number;
  id?: string;
  reason: string;
  /** False when the annotation was imported anyway and only part of it was ignored. */
  rejected: boolean;
}

export interface ImportResult {
  records: NoteRecord[];
  problems: ImportProblem[];
  /** How many annotations the file holds. */
  total: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------- export

export function toWebAnnotation(note: NoteRecord): Json {
  const selectors: Json[] = [
    { type: 'TextQuoteSelector', exact: note.target.quote.exact, prefix: note.target.quote.prefix, suffix: note.target.quote.suffix },
  ];
  if (note.target.codePoints) {
    selectors.push({ type: 'TextPositionSelector', start: note.target.codePoints.start, end: note.target.codePoints.end });
  }
  const target: Json = { source: note.url, selector: selectors };
  if (note.target.position) {
    target['claimlens:utf16Position'] = { start: note.target.position.start, end: note.target.position.end };
  }
  const annotation: Json = {
    id: note.id,
    type: 'Annotation',
    motivation: 'commenting',
    created: note.created,
    modified: note.modified,
    body: { type: 'TextualBody', value: note.body, format: 'text/plain', purpose: 'commenting' },
    target,
  };
  if (note.title !== undefined) annotation['claimlens:pageTitle'] = note.title;
  if (note.claimId !== undefined) annotation['claimlens:claim'] = note.claimId;
  if (note.anchor !== undefined) annotation['claimlens:lastAnchor'] = { ...note.anchor };
  return annotation;
}

/** All notes as one AnnotationCollection document. */
export function toAnnotationCollection(notes: readonly NoteRecord[], label = 'ClaimLens notes'): Json {
  return {
    '@context': EXPORT_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: notes.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(toWebAnnotation) },
  };
}

// ---------------------------------------------------------------- import

/** `type` or `@type`, a string or a list of strings, with or without the `oa:` prefix. */
function hasType(value: Json, wanted: string): boolean {
  const types = value.type ?? value['@type'];
  const list = Array.isArray(types) ? types : [types];
  return list.some((t) => t === wanted || t === `oa:${wanted}`);
}

/** The list of annotations a document holds, or why it holds none. */
function annotationsIn(document: unknown): { items: unknown[] } | { error: string } {
  if (Array.isArray(document)) {
    return { items: document };
  }
  if (!isObject(document)) {
    return { error: 'the file is not a Web Annotation document (expected a JSON object or list)' };
  }
  if (document.format === ALL_DATA_FORMAT) {
    return document.notes === undefined ? { items: [] } : annotationsIn(document.notes);
  }
  if (hasType(document, 'AnnotationCollection')) {
    if (document.first === undefined) return { items: [] };
    if (!isObject(document.first)) {
      return { error: 'the collection links to its pages instead of including them; only embedded pages can be read' };
    }
    const pages: unknown[] = [];
    // Embedded pages may chain through `next`; follow them (bounded, no cycles).
    const seen = new Set<unknown>();
    for (let page: unknown = document.first; isObject(page) && !seen.has(page) && seen.size < 10_000; page = page.next) {
      seen.add(page);
      if (!Array.isArray(page.items)) return { error: 'an AnnotationPage has no items list' };
      pages.push(...page.items);
    }
    return { items: pages };
  }
  if (hasType(document, 'AnnotationPage')) {
    return Array.isArray(document.items) ? { items: document.items } : { error: 'the AnnotationPage has no items list' };
  }
  if (hasType(document, 'Annotation')) {
    return { items: [document] };
  }
  return { error: 'the file is not a Web Annotation document (no Annotation, AnnotationPage or AnnotationCollection)' };
}

class Rejected extends Error {}

function reject(reason: string): never {
  throw new Rejected(reason);
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function normalizedTime(value: unknown, name: string, fallback: string, warn: (reason: string) => void): string {
  if (value === undefined) return fallback;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    warn(`${name} is not a date and time; the import time was used`);
    return fallback;
  }
  return new Date(ms).toISOString();
}

function spanOf(value: unknown): TextSpan | undefined {
  if (!isObject(value)) return undefined;
  const { start, end } = value;
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && (start as number) >= 0 && (end as number) >= (start as number)
    ? { start: start as number, end: end as number }
    : undefined;
}

/** The text of the annotation's comment: `bodyValue`, or its first TextualBody. Empty for a bare highlight. */
function bodyText(annotation: Json): string {
  if (annotation.bodyValue !== undefined) {
    if (typeof annotation.bodyValue !== 'string') reject('bodyValue is not text');
    return annotation.bodyValue;
  }
  const bodies = asList(annotation.body).filter(isObject);
  const textual =
    bodies.find((b) => hasType(b, 'TextualBody') && (b.purpose === undefined || b.purpose === 'commenting')) ??
    bodies.find((b) => hasType(b, 'TextualBody') || typeof b.value === 'string');
  if (textual === undefined) {
    if (asList(annotation.body).some((b) => typeof b === 'string')) {
      reject('the body is a link to a resource, not text; only TextualBody comments can be imported');
    }
    return '';
  }
  if (typeof textual.value !== 'string') reject('the TextualBody has no text value');
  return textual.value;
}

function decodeAnnotation(item: unknown, now: string, warn: (reason: string) => void): NoteRecord {
  if (!isObject(item)) reject('not an object');
  if (!hasType(item, 'Annotation')) reject('not of type Annotation');
  const rawId = item.id ?? item['@id'];
  if (rawId !== undefined && (typeof rawId !== 'string' || rawId.length === 0 || rawId.length > LIMITS.id)) {
    reject('id is not an IRI');
  }
  const id = typeof rawId === 'string' ? rawId : newNoteId();

  const targets = asList(item.target);
  if (targets.length === 0) reject('no target');
  if (targets.length > 1) reject('more than one target; ClaimLens notes have exactly one');
  const target = targets[0];
  if (!isObject(target)) reject('the target is a whole page, not a passage (no TextQuoteSelector)');
  const source = target.source ?? target.id;
  if (typeof source !== 'string') reject('the target has no source URL');
  const url = canonicalPageUrl(source);
  if (url === undefined) reject(`the target source is not an absolute URL: ${source.slice(0, 100)}`);

  const selectors = asList(target.selector).filter(isObject);
  const quoteSelector = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!quoteSelector) reject('no TextQuoteSelector in the target');
  const { exact, prefix = '', suffix = '' } = quoteSelector;
  if (typeof exact !== 'string' || exact.length === 0) reject('the TextQuoteSelector has no exact text');
  if (typeof prefix !== 'string' || typeof suffix !== 'string') reject('the TextQuoteSelector prefix or suffix is not text');

  const record: NoteRecord = {
    v: NOTE_RECORD_VERSION,
    id,
    url,
    body: bodyText(item),
    created: normalizedTime(item.created, 'created', now, warn),
    modified: now,
    target: { quote: { exact, prefix, suffix } },
  };
  record.modified = normalizedTime(item.modified, 'modified', record.created, warn);

  const positionSelector = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  if (positionSelector) {
    const points = spanOf(positionSelector);
    if (points && points.end - points.start === [...exact].length) {
      record.target.codePoints = points;
    } else {
      warn('the TextPositionSelector does not span the quote; it was ignored (the quote alone places the note)');
    }
  }
  const utf16 = spanOf(target['claimlens:utf16Position']);
  if (utf16 && utf16.end - utf16.start === exact.length) {
    record.target.position = utf16;
  }

  const title = item['claimlens:pageTitle'];
  if (typeof title === 'string') record.title = title;
  const claim = item['claimlens:claim'];
  if (typeof claim === 'string') record.claimId = claim;
  const lastAnchor = item['claimlens:lastAnchor'];
  if (isObject(lastAnchor)) record.anchor = lastAnchor as unknown as NoteRecord['anchor'];

  // The final gate is the storage decoder itself: whatever it would not store is rejected here.
  const decoded = decodeNoteRecord(record);
  if (!decoded.ok) {
    if (record.anchor !== undefined) {
      delete record.anchor;
      const retry = decodeNoteRecord(record);
      if (retry.ok) {
        warn('claimlens:lastAnchor is malformed; it was ignored');
        return retry.value;
      }
    }
    reject(decoded.reason);
  }
  return decoded.value;
}

/** Reads a parsed Web Annotation document. Never throws; every problem is in `problems`. */
export function fromWebAnnotations(document: unknown, now: Date = new Date()): ImportResult {
  const found = annotationsIn(document);
  if ('error' in found) {
    return { records: [], problems: [{ index: -1, reason: found.error, rejected: true }], total: 0 };
  }
  const problems: ImportProblem[] = [];
  const records: NoteRecord[] = [];
  const ids = new Set<string>();
  const time = now.toISOString();
  const items = found.items.slice(0, MAX_IMPORT);
  if (found.items.length > MAX_IMPORT) {
    problems.push({ index: -1, reason: `the file holds ${found.items.length} annotations; only the first ${MAX_IMPORT} were read`, rejected: true });
  }
  items.forEach((item, index) => {
    const itemId = isObject(item) && typeof (item.id ?? item['@id']) === 'string' ? String(item.id ?? item['@id']) : undefined;
    const warnings: string[] = [];
    try {
      const record = decodeAnnotation(item, time, (reason) => warnings.push(reason));
      if (ids.has(record.id)) reject('the same id appears earlier in this file');
      ids.add(record.id);
      records.push(record);
      for (const reason of warnings) problems.push({ index, id: record.id, reason, rejected: false });
    } catch (error) {
      const reason = error instanceof Rejected ? error.message : `unreadable: ${String(error)}`;
      problems.push(itemId === undefined ? { index, reason, rejected: true } : { index, id: itemId, reason, rejected: true });
    }
  });
  return { records, problems, total: found.items.length };
}

/** Parses and reads a file's text. */
export function parseWebAnnotations(text: string, now: Date = new Date()): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { records: [], problems: [{ index: -1, reason: `the file is not JSON: ${(error as Error).message}`, rejected: true }], total: 0 };
  }
  return fromWebAnnotations(document, now);
}
