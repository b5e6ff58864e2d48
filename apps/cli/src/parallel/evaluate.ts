// `rampart evaluate` on one large input with two threads. The run's inner loop is cheap next to
// loading: JSON.parse of the input is most of the cost, and a second core halves it.
//
// The input is cut in two between top-level values (./split.ts). Each thread loads its part. Controls
// that decide from one item, the parameters, "now" and account-level facts (every change-triggered
// control and most periodic ones) run in the thread that loaded the item. Controls that read other
// resources (account-level controls, and controls whose `needs` name resource types) run in the main
// thread, which receives the worker's items of the types they read. Facts, snapshot headers and
// collection errors go to the main thread, which loads them as the sequential path would (same
// problems, same positions) and sends them to the worker before it evaluates. A `--format table` run
// gets the same summary, findings, messages and exit code either way; when anything is unusual (no
// safe cut, a part that does not parse, the same resource in both parts, a failing worker), the input
// is loaded whole instead.
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type Control,
  type Evaluation,
  type EvaluationRun,
  evaluateSnapshot,
  type InputProblem,
  loadEntry,
  loadPart,
  Snapshot,
} from '@rampart/core';
import { SummaryBuilder } from '../render/summary.js';
import {
  type DoneMessage,
  KEY_FIELD,
  KEY_SEPARATOR,
  type LoadedMessage,
  type LoadMessage,
  type WorkerInit,
} from './protocol.js';
import { planSplit, type SplitPlan } from './split.js';
import { isAccountData, isRecord, orderKey, runsWhereLoaded } from './types.js';

/** Share of the input the main thread loads: it also runs the controls that read other resources. */
const MAIN_SHARE = 0.45;

export interface ParallelOptions {
  controls: readonly Control<unknown>[];
  parameters: Record<string, Record<string, unknown>>;
  /** `--now`, when given. */
  now: Date | undefined;
  /** Keep every evaluation as its JSON line, in the output order (`--format json`). */
  lines?: boolean;
  /** Adds attestation facts to the main thread's snapshot and returns their problems. */
  attestations?: (snapshot: Snapshot) => InputProblem[];
  env?: NodeJS.ProcessEnv;
}

export interface ParallelResult {
  run: EvaluationRun;
  summary: SummaryBuilder;
  /** Evaluations that are neither COMPLIANT nor NOT_APPLICABLE. */
  attention: Evaluation[];
  problems: InputProblem[];
  items: number;
  /** With `lines`: every evaluation as `JSON.stringify` writes it, in DESIGN.md's output order. */
  lines?: string[];
}

/** The compiled worker next to this module (dist), or next to the sources' build output when run from src. */
function workerUrl(): URL | undefined {
  for (const candidate of ['./worker.js', '../../dist/parallel/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/**
 * The input read into memory both threads see, cut in two: this thread's part as text, and the
 * message that hands the worker its part. Nothing here keeps the bytes once both have decoded them.
 */
function readAndSplit(path: string): { plan: SplitPlan; text: string; message: LoadMessage } | undefined {
  const buf = readShared(path);
  const plan = planSplit(buf, MAIN_SHARE);
  if (plan === undefined) return undefined;
  const head = buf.toString('utf8', 0, plan.firstEnd);
  return {
    plan,
    text: plan.kind === 'array' ? `${head}]` : head,
    message: {
      type: 'load',
      buffer: buf.buffer as SharedArrayBuffer,
      start: plan.secondStart,
      end: buf.length,
      kind: plan.kind,
    },
  };
}

function readShared(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.from(new SharedArrayBuffer(size));
    let offset = 0;
    while (offset < size) {
      const n = readSync(fd, buf, offset, size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return offset === size ? buf : buf.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

/** Messages from the worker, in order, as promises. */
class Channel {
  readonly #queue: unknown[] = [];
  readonly #waiting: ((value: unknown) => void)[] = [];
  #failure: string | undefined;

  constructor(worker: Worker) {
    worker.on('message', (m) => this.#push(m));
    worker.on('error', (e) => this.#fail(`${e.name}: ${e.message}`));
    worker.on('exit', (code) => this.#fail(`the worker exited with code ${code}`));
  }

  #push(message: unknown): void {
    const waiter = this.#waiting.shift();
    if (waiter !== undefined) waiter(message);
    else this.#queue.push(message);
  }

  #fail(reason: string): void {
    this.#failure ??= reason;
    for (const waiter of this.#waiting.splice(0)) waiter({ ok: false, reason });
  }

  next<T>(): Promise<T> {
    if (this.#queue.length > 0) return Promise.resolve(this.#queue.shift() as T);
    if (this.#failure !== undefined) return Promise.resolve({ ok: false, reason: this.#failure } as T);
    return new Promise((resolve) => this.#waiting.push(resolve as (value: unknown) => void));
  }
}

/**
 * Evaluates one large input file with two threads for the table output. Undefined when the input
 * is not suitable (the caller then loads it whole, in one thread).
 */
export async function evaluateInParallel(
  path: string,
  source: string,
  options: ParallelOptions,
): Promise<ParallelResult | undefined> {
  const url = workerUrl();
  if (url === undefined) return undefined;
  const init: WorkerInit = { controlIds: options.controls.map((c) => c.id), parameters: options.parameters, source };
  // Started first: it boots and loads the catalog while this thread reads the file.
  const worker = new Worker(url, { workerData: init });
  const channel = new Channel(worker);
  try {
    return await run(path, source, options, worker, channel);
  } finally {
    await worker.terminate();
  }
}

async function run(
  path: string,
  source: string,
  options: ParallelOptions,
  worker: Worker,
  channel: Channel,
): Promise<ParallelResult | undefined> {
  const startedAt = new Date();
  // This thread's part (read, cut and decoded in a function of its own, so the bytes can go once loaded).
  const snapshot = new Snapshot();
  const facts: unknown[] = [];
  const loadedHere = loadFirstPart(path, source, worker, snapshot, facts);
  if (loadedHere === undefined) return undefined;
  const { kind, first } = loadedHere;
  const prefix = kind === 'array' ? 'index' : 'line';
  // Where the worker's positions start: the items of this part (array), or its lines.
  const offset = first.positions;

  const byId = new Map(options.controls.map((c) => [c.id, c]));
  let summary = new SummaryBuilder(byId);
  let attention: Evaluation[] = [];
  // With `lines`, each run's evaluations in the order it made them (sorted: see mergeInOrder).
  let kept: Evaluation[] = [];
  const sink = (e: Evaluation): void => {
    summary.add(e);
    if (e.compliance !== 'COMPLIANT' && e.compliance !== 'NOT_APPLICABLE') attention.push(e);
    if (options.lines === true) kept.push(e);
  };
  const nowOf = (s: Snapshot): Date => options.now ?? (s.capturedAt !== undefined ? new Date(s.capturedAt) : startedAt);
  const evaluate = (now: Date, runOnly: (c: Control<unknown>) => boolean): EvaluationRun =>
    evaluateSnapshot(snapshot, {
      controls: options.controls,
      now,
      parameters: options.parameters,
      runOnly,
      onEvaluation: sink,
    });
  const isChange = (c: Control<unknown>): boolean => c.trigger === 'change';

  // Change-triggered controls need nothing from the other part but "now", which a snapshot header in
  // that part could still move: run them while the worker loads, and again in the rare case it does.
  let now = nowOf(snapshot);
  evaluate(now, isChange);
  let changeHere = kept;
  kept = [];

  const loaded = await channel.next<LoadedMessage>();
  if (!loaded.ok) return undefined;
  if (sharesItems(snapshot, loaded.keys)) {
    worker.postMessage({ type: 'abort' });
    return undefined;
  }

  // The worker's account data, loaded here as the sequential path would; its items of the main
  // thread's types wait until this part's own items are evaluated.
  const label = (n: number): string => `${prefix} ${offset + n}`;
  const secondProblems: InputProblem[] = loaded.problems.map((p) => ({
    source,
    position: label(p.n),
    path: p.path,
    message: p.message,
  }));
  const shared = JSON.parse(loaded.shared) as [number, Record<string, unknown>][];
  const later: [number, Record<string, unknown>][] = [];
  const sharedProblems: { n: number; problem: InputProblem }[] = [];
  let items = first.items + loaded.items;
  for (const [n, value] of shared) {
    if (!isAccountData(value)) {
      later.push([n, value]);
      continue;
    }
    const problems: InputProblem[] = [];
    if (loadEntry(snapshot, value, source, label(n), problems)) {
      items++;
      facts.push(value);
    }
    for (const problem of problems) sharedProblems.push({ n, problem });
  }
  // Positions in the worker's part: its own problems and those of the account data loaded here, in input order.
  const ordered = [...loaded.problems.map((p, i) => ({ n: p.n, problem: secondProblems[i]! })), ...sharedProblems]
    .sort((a, b) => a.n - b.n)
    .map((p) => p.problem);
  snapshot.addScope(loaded.accounts, loaded.regions);

  const finalNow = nowOf(snapshot);
  if (finalNow.getTime() !== now.getTime()) {
    now = finalNow;
    summary = new SummaryBuilder(byId);
    attention = [];
    evaluate(now, isChange);
    changeHere = kept;
    kept = [];
  }
  worker.postMessage({
    type: 'go',
    now: now.toISOString(),
    facts: JSON.stringify(facts),
    errors: [...snapshot.collectionErrors()],
    lines: options.lines === true,
  });

  const problems = [...first.problems, ...ordered, ...snapshot.problems];
  if (options.attestations !== undefined) problems.push(...options.attestations(snapshot));

  // This part's items, for the periodic controls that read only facts.
  evaluate(now, (c) => c.trigger !== 'change' && runsWhereLoaded(c));
  const periodicHere = kept;
  kept = [];
  // Then every item of the types the other controls read. These controls may report on other
  // resources than the item evaluated: their run sorts its evaluations itself.
  for (const [n, value] of later) loadEntry(snapshot, value, source, label(n), problems);
  const result = evaluateSnapshot(snapshot, {
    controls: options.controls,
    now,
    parameters: options.parameters,
    runOnly: (c) => !runsWhereLoaded(c),
  });
  for (const e of result.evaluations) {
    summary.add(e);
    if (e.compliance !== 'COMPLIANT' && e.compliance !== 'NOT_APPLICABLE') attention.push(e);
  }

  const done = await channel.next<DoneMessage>();
  if (!done.ok) return undefined;
  summary.addCounts(done.counts);
  for (const e of done.attention) attention.push(e);
  if (options.lines !== true) return { run: result, summary, attention, problems, items };
  const here = [changeHere, periodicHere, result.evaluations].map((list) => ({
    keys: list.map(orderKey),
    lines: list.map((e) => JSON.stringify(e)),
  }));
  const lines = [...here, { keys: done.keys ?? [], lines: done.lines ?? [] }].reduce(mergeInOrder).lines;
  return { run: { ...result, evaluations: [] }, summary, attention, problems, items, lines };
}

interface Ordered {
  keys: string[];
  lines: string[];
}

/**
 * Merges two runs' evaluations, each in output order. Runs hold different controls or different
 * items, so no key is in both; within a run, equal keys keep their order.
 */
export function mergeInOrder(a: Ordered, b: Ordered): Ordered {
  const keys: string[] = new Array(a.keys.length + b.keys.length);
  const lines: string[] = new Array(keys.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (b.keys[j]! < a.keys[i]!) {
      keys[k] = b.keys[j]!;
      lines[k++] = b.lines[j++]!;
    } else {
      keys[k] = a.keys[i]!;
      lines[k++] = a.lines[i++]!;
    }
  }
  while (i < a.keys.length) {
    keys[k] = a.keys[i]!;
    lines[k++] = a.lines[i++]!;
  }
  while (j < b.keys.length) {
    keys[k] = b.keys[j]!;
    lines[k++] = b.lines[j++]!;
  }
  return { keys, lines };
}

function loadFirstPart(
  path: string,
  source: string,
  worker: Worker,
  snapshot: Snapshot,
  facts: unknown[],
): { kind: SplitPlan['kind']; first: NonNullable<ReturnType<typeof loadPart>> } | undefined {
  const parts = readAndSplit(path);
  if (parts === undefined) return undefined;
  worker.postMessage(parts.message);
  const prefix = parts.plan.kind === 'array' ? 'index' : 'line';
  const first = loadPart(snapshot, parts.text, source, parts.plan.kind, (n) => `${prefix} ${n}`, {
    load: () => true,
    accepted(value) {
      if (isRecord(value) && isAccountData(value)) facts.push(value);
    },
  });
  return first === undefined ? undefined : { kind: parts.plan.kind, first };
}

/** Whether any item of the worker's part is also in this one (the later capture would win: load whole). */
function sharesItems(snapshot: Snapshot, keys: string): boolean {
  if (keys === '') return false;
  for (const key of keys.split(KEY_SEPARATOR)) {
    const [accountId, region, type, id] = key.split(KEY_FIELD) as [string, string, string, string];
    if (snapshot.item(accountId, region, type, id) !== undefined) return true;
  }
  return false;
}
