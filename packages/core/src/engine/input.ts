import { normalizeItem } from '../ci/normalize.js';
import { CollectionErrorSchema, SnapshotHeaderSchema } from '../ci/schemas.js';
import type { CollectionError } from '../model/types.js';
import type { InputProblem, ItemOrigin, Snapshot } from './snapshot.js';

export interface LoadResult {
  /** Items (CIs and facts) accepted. */
  items: number;
  problems: InputProblem[];
}

/**
 * Loads one input's text into a snapshot. The text is a JSON array of configuration items (any of
 * the three shapes) or a version-1 snapshot in JSON Lines (header, items, facts, collection errors).
 * A bad item is reported with its position and zod path; every other item is still loaded.
 */
export function loadInput(snapshot: Snapshot, input: string, source: string): LoadResult {
  // JSON.parse rejects a byte-order mark, which editors on Windows like to write.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = firstNonSpace(text);
  if (start === -1) {
    return { items: 0, problems: [{ source, position: 'file', path: '', message: 'the input is empty' }] };
  }
  if (text[start] === '[') return loadArray(snapshot, text, source);
  if (text[start] === '{') {
    const doc = parseWhole(text);
    if (doc !== undefined) {
      const wrapped = unwrapDocument(doc);
      return wrapped !== undefined
        ? loadList(snapshot, wrapped.list, source, wrapped.key)
        : loadList(snapshot, [doc], source, 'document');
    }
  }
  if (!looksLikeJsonLines(text)) {
    return {
      items: 0,
      problems: [
        {
          source,
          position: 'file',
          path: '',
          message: `not a JSON array, a JSON document or JSON Lines: ${parseError(text)}`,
        },
      ],
    };
  }
  return loadLines(snapshot, text, source);
}

/**
 * JSON Lines when the first or the second non-blank line is JSON on its own. Anything else (YAML,
 * CSV, a pretty-printed JSON document with a syntax error) is one problem for the file rather than
 * one per line; a broken first line of a real JSON Lines file is still reported as that line.
 */
function looksLikeJsonLines(text: string): boolean {
  let pos = 0;
  let seen = 0;
  while (pos < text.length && seen < 2) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (line.trim() === '') continue;
    seen++;
    if (parseWhole(line) !== undefined) return true;
  }
  return false;
}

function parseError(text: string): string {
  try {
    JSON.parse(text);
    return 'unexpected JSON';
  } catch (error) {
    return (error as Error).message;
  }
}

/** Keys under which AWS API responses and invoking events hold configuration items. */
const WRAPPER_KEYS = ['configurationItems', 'baseConfigurationItems', 'Results'] as const;

/**
 * A whole-file JSON object: an API response (`GetResourceConfigHistory`, `BatchGetResourceConfig`,
 * `SelectResourceConfig`) or an invoking event. JSON Lines fail to parse as one document after their
 * first line, so trying costs one line.
 */
function parseWhole(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unwrapDocument(doc: unknown): { list: unknown[]; key: string } | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const record = doc as Record<string, unknown>;
  for (const key of WRAPPER_KEYS) {
    if (Array.isArray(record[key])) return { list: record[key] as unknown[], key };
  }
  const invoking = record['invokingEvent'];
  if (typeof invoking === 'string') {
    try {
      const event = JSON.parse(invoking) as Record<string, unknown>;
      if (event['configurationItem'] !== undefined)
        return { list: [event['configurationItem']], key: 'invokingEvent.configurationItem' };
    } catch {
      return undefined;
    }
  }
  if (record['configurationItem'] !== undefined)
    return { list: [record['configurationItem']], key: 'configurationItem' };
  return undefined;
}

function loadList(snapshot: Snapshot, list: unknown[], source: string, key: string): LoadResult {
  const problems: InputProblem[] = [];
  let items = 0;
  for (let i = 0; i < list.length; i++) {
    if (loadEntry(snapshot, list[i], source, (n) => `${key}[${n}]`, i, problems)) items++;
  }
  return { items, problems };
}

function loadArray(snapshot: Snapshot, text: string, source: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      items: 0,
      problems: [{ source, position: 'file', path: '', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  const list = data as unknown[];
  const problems: InputProblem[] = [];
  let items = 0;
  for (let i = 0; i < list.length; i++) {
    if (loadEntry(snapshot, list[i], source, indexLabel, i, problems)) items++;
  }
  return { items, problems };
}

function loadLines(snapshot: Snapshot, text: string, source: string): LoadResult {
  const problems: InputProblem[] = [];
  let items = 0;
  let lineNo = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    lineNo++;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({
        source,
        position: `line ${lineNo}`,
        path: '',
        message: `not valid JSON: ${(error as Error).message}`,
      });
      continue;
    }
    if (loadEntry(snapshot, value, source, lineLabel, lineNo, problems)) items++;
  }
  return { items, problems };
}

/** The origin of items that never report one (only facts do). */
const NOT_NEEDED: ItemOrigin = Object.freeze({ source: '', position: '' });
const indexLabel = (n: number): string => `index ${n}`;
const lineLabel = (n: number): string => `line ${n}`;

/**
 * Loads one value. Its position (`label(at)`) is written out only when something needs it: a
 * problem, or a fact (whose schema problems name it); a large input has tens of thousands of items.
 */
function loadEntry(
  snapshot: Snapshot,
  value: unknown,
  source: string,
  label: (at: number) => string,
  at: number,
  problems: InputProblem[],
): boolean {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if ('snapshot' in record) {
      const header = SnapshotHeaderSchema.safeParse(record['snapshot']);
      if (header.success) snapshot.addHeader(header.data);
      else pushIssues(problems, source, label(at), 'snapshot', header.error.issues);
      return false;
    }
    if ('collectionError' in record) {
      const parsed = CollectionErrorSchema.safeParse(record['collectionError']);
      if (parsed.success) snapshot.addCollectionError(parsed.data as CollectionError);
      else pushIssues(problems, source, label(at), 'collectionError', parsed.error.issues);
      return false;
    }
  }
  const result = normalizeItem(value);
  if (!result.ok) {
    for (const issue of result.issues) {
      problems.push({ source, position: label(at), path: issue.path, message: issue.message });
    }
    return false;
  }
  const before = snapshot.problems.length;
  // Only facts use the origin (their schema problems name it): other items get a shared one.
  snapshot.add(
    result.item,
    result.item.resourceType.startsWith('Rampart::') ? { source, position: label(at) } : NOT_NEEDED,
  );
  return snapshot.problems.length === before;
}

function pushIssues(
  problems: InputProblem[],
  source: string,
  position: string,
  prefix: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): void {
  for (const issue of issues) {
    problems.push({ source, position, path: [prefix, ...issue.path.map(String)].join('.'), message: issue.message });
  }
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return i;
  }
  return -1;
}

/** `file.json line 3 (configuration.x): message`. */
export function formatProblem(problem: InputProblem): string {
  return `${problem.source} ${problem.position}${problem.path ? ` (${problem.path})` : ''}: ${problem.message}`;
}
