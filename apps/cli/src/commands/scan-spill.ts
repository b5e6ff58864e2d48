import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { compareEvaluations, type Evaluation } from '@rampart/core';

/**
 * An evaluation a page control made, held (or spilled to disk) until its partition is complete, with
 * what decides whether it is kept: a resource met twice in a partition keeps its latest capture, and
 * of equal captures the one that arrived last, as `Snapshot.add` does.
 */
export interface Entry {
  /** For a marker, only its key (controlId, resourceType, resourceId) means anything. */
  evaluation: Evaluation;
  /** The capture time of the item evaluated (`''` when it has none). */
  capture: string;
  /** The item's arrival number in its partition. */
  slot: number;
  /** The evaluation's arrival number in its partition: one item's verdicts keep the order the control gave them. */
  seq: number;
  /** The evaluated item (`type \0 id`), set only when the verdict is about another resource. */
  of?: string | undefined;
  /**
   * A control ran on the item and said nothing about it (no verdict, or verdicts about other
   * resources only): the marker competes with the other captures of the item, so their verdicts are
   * dropped when this capture wins, and is never emitted.
   */
  marker?: true | undefined;
}

/** The best capture of an item: an entry is kept when it carries it. */
export interface Capture {
  capture: string;
  slot: number;
}

/** A sorted run, or a temporary directory of them, could not be written or read: the scan fails rather than lose evaluations. */
export class SpillError extends Error {
  override readonly name = 'SpillError';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function itemKey(type: string, id: string): string {
  return `${type}\u0000${id}`;
}

const ownKey = (e: Entry) => e.of ?? itemKey(e.evaluation.resourceType, e.evaluation.resourceId);

function compareItems(a: Entry, b: Entry): number {
  return a.of === b.of ? 0 : cmp(ownKey(a), ownKey(b));
}

/**
 * The order of runs: the output order (compareEvaluations), then per evaluated item (the order in which
 * the engine walks items of a type, for verdicts several items give about one resource), its best
 * capture first (latest capture, then latest arrival), then arrival. One control's entries for one
 * resource and item are thus adjacent, the winning capture's leading.
 */
export function compareEntries(a: Entry, b: Entry): number {
  return (
    compareEvaluations(a.evaluation, b.evaluation) ||
    compareItems(a, b) ||
    cmp(b.capture, a.capture) ||
    b.slot - a.slot ||
    a.seq - b.seq
  );
}

/**
 * Drops, from entries in {@link compareEntries} order, those of a capture that another capture of the
 * same item beats (in the same control's entries about the same resource: the first of those carries
 * the best capture). Safe on part of a partition's entries (a run, or several merged): what a capture
 * beats there, the partition's best capture beats too. `final` (all of the partition's entries): also
 * drops the markers, and the verdicts about other resources of an item whose best capture is elsewhere
 * (`winners`, the best capture of each item that gave such verdicts).
 */
export function* resolve(
  sorted: Iterable<Entry>,
  final: { winners: ReadonlyMap<string, Capture> } | undefined,
  onDrop: () => void,
): Generator<Entry> {
  let first: Entry | undefined;
  for (const entry of sorted) {
    if (
      first === undefined ||
      compareEvaluations(first.evaluation, entry.evaluation) !== 0 ||
      compareItems(first, entry)
    )
      first = entry;
    let keep = entry.capture === first.capture && entry.slot === first.slot;
    if (keep && final !== undefined) {
      if (entry.marker) {
        keep = false;
      } else if (entry.of !== undefined) {
        const best = final.winners.get(entry.of);
        keep = best !== undefined && best.capture === entry.capture && best.slot === entry.slot;
      }
    }
    if (keep) yield entry;
    else onDrop();
  }
}

/** The best capture of each of `items` among `entries` (any order): the latest, and of equal ones the last to arrive. */
export function bestCaptures(entries: Iterable<Entry>, items: ReadonlySet<string>): Map<string, Capture> {
  const best = new Map<string, Capture>();
  if (items.size === 0) return best;
  for (const entry of entries) {
    const key = ownKey(entry);
    if (!items.has(key)) continue;
    const known = best.get(key);
    if (
      known === undefined ||
      known.capture < entry.capture ||
      (known.capture === entry.capture && known.slot < entry.slot)
    ) {
      best.set(key, { capture: entry.capture, slot: entry.slot });
    }
  }
  return best;
}

/** Entries of several sorted sources, merged into one sorted stream (a binary heap of the sources' heads). */
export function* mergeSorted(sources: readonly Iterator<Entry>[]): Generator<Entry> {
  const heads: { entry: Entry; source: Iterator<Entry> }[] = [];
  const less = (i: number, j: number) => compareEntries(heads[i]!.entry, heads[j]!.entry) < 0;
  const swap = (i: number, j: number) => {
    const t = heads[i]!;
    heads[i] = heads[j]!;
    heads[j] = t;
  };
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heads.length && less(l, m)) m = l;
      if (r < heads.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  try {
    for (const source of sources) {
      const next = source.next();
      if (!next.done) heads.push({ entry: next.value, source });
    }
    for (let i = (heads.length >> 1) - 1; i >= 0; i--) down(i);
    while (heads.length > 0) {
      const top = heads[0]!;
      const entry = top.entry;
      const next = top.source.next();
      if (next.done) {
        const last = heads.pop()!;
        if (heads.length > 0) heads[0] = last;
      } else {
        top.entry = next.value;
      }
      down(0);
      yield entry;
    }
  } finally {
    // Sources not read to the end (an error, or the consumer stopped) close their files.
    for (const source of sources) source.return?.();
  }
}

/** A sorted run on disk: JSON lines, one entry a line. */
export interface Run {
  path: string;
  /** Entries written: reading back fewer (a truncated file) is an error. */
  count: number;
  /** How many merges made it (0: spilled from memory); runs of one level are merged together. */
  level: number;
}

const WRITE_BUFFER = 1 << 20;
const READ_BUFFER = 1 << 16;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toLine(e: Entry): string {
  return JSON.stringify([e.capture, e.slot, e.seq, e.of ?? null, e.marker ? 1 : 0, e.evaluation]);
}

function fromLine(text: string, path: string, line: number): Entry {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SpillError(`sorted run ${path}, line ${line}: ${describe(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed) || parsed.length !== 6 || typeof parsed[5] !== 'object' || parsed[5] === null) {
    throw new SpillError(`sorted run ${path}, line ${line}: not an entry of a sorted run`);
  }
  const [capture, slot, seq, of, marker, evaluation] = parsed as [
    string,
    number,
    number,
    string | null,
    0 | 1,
    Evaluation,
  ];
  return {
    evaluation,
    capture,
    slot,
    seq,
    ...(of !== null ? { of } : {}),
    ...(marker === 1 ? { marker: true as const } : {}),
  };
}

/**
 * The temporary directory of one scan's sorted runs (`rampart-scan-*` under `parent`), made on the
 * first run written; {@link dispose} removes it with whatever it still holds.
 */
export class SpillDirectory {
  #path: string | undefined;
  #next = 0;
  /** Runs written from memory, and the entries they held. */
  spilledRuns = 0;
  spilledEntries = 0;

  constructor(readonly parent: string) {}

  get path(): string | undefined {
    return this.#path;
  }

  #directory(): string {
    if (this.#path === undefined) {
      const prefix = join(this.parent, 'rampart-scan-');
      try {
        this.#path = mkdtempSync(prefix);
      } catch (error) {
        throw new SpillError(`cannot make a temporary directory ${prefix}* for sorted runs: ${describe(error)}`, {
          cause: error,
        });
      }
    }
    return this.#path;
  }

  /** Writes entries (already in run order) as a run; errors reading them (another run) pass through. */
  write(entries: Iterable<Entry>, level: number): Run {
    const file = this.lineFile('run', 'sorted run');
    try {
      for (const entry of entries) file.append(toLine(entry));
    } finally {
      file.close();
    }
    if (level === 0) {
      this.spilledRuns++;
      this.spilledEntries += file.count;
    }
    return { path: file.path, count: file.count, level };
  }

  /**
   * A new file of the directory (`<name>-<n>.jsonl`) that lines are appended to as they come, buffered;
   * `what` names it in errors.
   */
  lineFile(name: string, what: string, buffer = WRITE_BUFFER): LineFile {
    const path = join(this.#directory(), `${name}-${++this.#next}.jsonl`);
    let fd = -1;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      throw new SpillError(`cannot write the ${what} ${path}: ${describe(error)}`, { cause: error });
    }
    return new LineFile(path, what, fd, buffer);
  }

  /** Removes a run once merged. */
  remove(run: Run): void {
    try {
      rmSync(run.path, { force: true });
    } catch (error) {
      throw new SpillError(`cannot remove the sorted run ${run.path}: ${describe(error)}`, { cause: error });
    }
  }

  /** Removes the directory and the runs still in it. */
  dispose(): void {
    if (this.#path === undefined) return;
    const path = this.#path;
    try {
      rmSync(path, { recursive: true, force: true });
    } catch (error) {
      throw new SpillError(`cannot remove the temporary directory ${path}: ${describe(error)}`, { cause: error });
    }
    this.#path = undefined;
  }
}

/** A file lines are appended to (buffered); read it back with {@link readLines} once {@link close}d. */
export class LineFile {
  #text = '';
  #fd: number;
  /** Lines appended. */
  count = 0;

  constructor(
    readonly path: string,
    readonly what: string,
    fd: number,
    /** Characters buffered before a write. */
    readonly buffer = WRITE_BUFFER,
  ) {
    this.#fd = fd;
  }

  append(line: string): void {
    if (this.#fd < 0) throw new SpillError(`the ${this.what} ${this.path} is closed`);
    this.#text += `${line}\n`;
    this.count++;
    if (this.#text.length >= this.buffer) this.#flush();
  }

  #flush(): void {
    const data = Buffer.from(this.#text, 'utf8');
    this.#text = '';
    try {
      for (let written = 0; written < data.length; ) written += writeSync(this.#fd, data, written);
    } catch (error) {
      throw new SpillError(`cannot write the ${this.what} ${this.path}: ${describe(error)}`, { cause: error });
    }
  }

  /** Writes what is buffered and closes the file (again: nothing). */
  close(): void {
    if (this.#fd < 0) return;
    try {
      if (this.#text.length > 0) this.#flush();
    } finally {
      closeSync(this.#fd);
      this.#fd = -1;
    }
  }
}

/**
 * A run's entries, read line by line through a fixed buffer (never the whole file). `onRead` is told
 * of each entry parsed. The file is closed when the run is read, or when the reader is returned early.
 */
export function* readRun(run: Run, onRead: () => void = () => {}): Generator<Entry> {
  let line = 0;
  for (const text of readLines(run.path, 'sorted run')) {
    line++;
    const entry = fromLine(text, run.path, line);
    onRead();
    yield entry;
  }
  if (line !== run.count) {
    throw new SpillError(`sorted run ${run.path} holds ${line} entries, ${run.count} were written`);
  }
}

/**
 * The lines of a file written by {@link SpillDirectory}, read through a fixed buffer (never the whole
 * file); `what` names the file in errors. The file is closed when it is read, or when the reader is
 * returned early.
 */
export function* readLines(path: string, what: string): Generator<string> {
  const fail = (error: unknown): never => {
    throw new SpillError(`cannot read the ${what} ${path}: ${describe(error)}`, { cause: error });
  };
  let fd = -1;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    fail(error);
  }
  const buffer = Buffer.allocUnsafe(READ_BUFFER);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  try {
    for (;;) {
      let n = 0;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        fail(error);
      }
      const text = pending + (n === 0 ? decoder.end() : decoder.write(buffer.subarray(0, n)));
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        line++;
        const one = text.slice(start, end);
        start = end + 1;
        yield one;
      }
      pending = text.slice(start);
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  if (pending !== '') throw new SpillError(`${what} ${path} ends in a partial line (line ${line + 1})`);
}
