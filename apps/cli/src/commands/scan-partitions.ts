import { tmpdir } from 'node:os';
import type { AggregatorPartition, PartitionPage } from '@rampart/collectors';
import {
  ACCOUNT_RESOURCE_TYPE,
  type CollectionError,
  type ConfigItem,
  type Control,
  compareEvaluations,
  type Evaluation,
  type EvaluationScope,
  evaluateSnapshot,
  GLOBAL_REGION,
  type InputProblem,
  type ItemOrigin,
  readsOtherResources,
  Snapshot,
  type SnapshotHeader,
  toEvaluation,
  type Verdict,
} from '@rampart/core';
import { KeptItems } from './scan-kept.js';
import {
  bestCaptures,
  type Capture,
  compareEntries,
  type Entry,
  itemKey,
  mergeSorted,
  type Run,
  readRun,
  resolve,
  SpillDirectory,
} from './scan-spill.js';

/** A normalized item and where it came from (the snapshot line it was written to). */
export interface Ingested {
  item: ConfigItem;
  origin: ItemOrigin;
}

export interface PartitionedInput {
  controls: readonly Control<unknown>[];
  now: Date;
  parameters?: Readonly<Record<string, Record<string, unknown>>>;
  /** The scan's header (the caller's account and the scanned regions). */
  header: SnapshotHeader;
  /** The aggregator's partitions, sorted by account then region. */
  partitions: readonly AggregatorPartition[];
  /**
   * Their rows, as `Scanner.readPartitions` yields them: per account `global` first, then its regions in
   * order, each partition page by page and closed by its last page.
   */
  pages: AsyncIterable<PartitionPage>;
  /** What the direct reads of the caller's account produced (facts, types Config does not record). */
  side: readonly Ingested[];
  /** Collection errors known before the partitions are read (direct reads, the partition listing). */
  sideErrors: readonly CollectionError[];
  /** Writes a row to the snapshot and normalizes it (undefined: a bad item, reported by the caller). */
  ingest(row: Record<string, unknown>): Ingested | undefined;
  /** A partition could not be read (completely). */
  onError(error: CollectionError): void;
  /** Adds the attestations to a partition's snapshot. */
  attest?: (snapshot: Snapshot) => void;
  /**
   * A chunk of evaluations, never empty, in output order: a partition's come in one or more chunks,
   * the partitions in (account, region) order.
   */
  emit(evaluations: readonly Evaluation[]): void;
  /**
   * The most page-control evaluations of a partition held in memory (default 50,000); beyond, they are
   * sorted and spilled to disk as a run (see {@link evaluatePartitions}). At least 3 are held while
   * runs are merged (two runs read, one evaluation emitted).
   */
  maxEvaluationsInMemory?: number;
  /**
   * The most items kept in memory for a partition's partition controls (default 20,000; the account's
   * `global` partition has its own): past it, the partition's kept items go to a file of the scan's
   * temporary directory, and the partition controls are evaluated group by group (the controls that
   * read the same resource types), each group's items read back from disk (see {@link evaluatePartitions}).
   */
  maxItemsInMemory?: number;
  /** Where the scan's temporary directory of sorted runs and kept items (`rampart-scan-*`) is made; default `os.tmpdir()`. */
  temporaryDirectory?: string;
}

export const DEFAULT_MAX_EVALUATIONS_IN_MEMORY = 50_000;
export const DEFAULT_MAX_ITEMS_IN_MEMORY = 20_000;

export interface PartitionStats {
  /** Partitions evaluated (every account × `global` and every region, empty ones included). */
  partitions: number;
  /** Partitions read from the aggregator. */
  reads: number;
  /** Pages read from the aggregator (each partition's closing page included). */
  pages: number;
  /**
   * The most configuration items held at once (facts not counted): the page being evaluated, the items
   * kept for the partition's controls (see {@link maxItemsKept}), and the caller's directly read items
   * of the partition.
   */
  maxItemsHeld: number;
  /**
   * The most aggregator items kept until their partition was complete: those of the types the controls
   * that read other resources evaluate or read (the account's `global` ones and the partition's). The
   * items only other controls read are evaluated page by page and dropped.
   */
  maxItemsKept: number;
  /** The most aggregator rows held at once (one page). */
  maxRowsHeld: number;
  /**
   * The most evaluations held in memory at once: the page controls' of a partition, until they are
   * spilled or the partition is complete (at most `maxEvaluationsInMemory`, markers included: see
   * `Entry`), or the entries a merge of runs reads and the chunk it emits (fewer); plus the partition
   * controls' evaluations of the partition being emitted.
   */
  maxEvaluationsHeld: number;
  /** Kept items written to disk (partitions whose kept items passed `maxItemsInMemory`). */
  spilledItems: number;
  /** Sorted runs the page controls' evaluations were spilled to (from memory; merges of runs not counted). */
  spilledRuns: number;
  /** Entries those runs held. */
  spilledEvaluations: number;
}

export interface PartitionedResult {
  scope: EvaluationScope;
  /** Problems the partition snapshots found in scanned items (invalid facts), each once. */
  problems: InputProblem[];
  /** Every collection error: the side errors, then the partitions' in order. */
  collectionErrors: CollectionError[];
  /** Rows read from the aggregator. */
  rows: number;
  stats: PartitionStats;
}

export interface ControlSplit {
  /**
   * Controls that read no other resources (not account-level, no `AWS::` type in `needs`): each
   * decides from its item, the parameters, "now" and account-level facts, so it evaluates a page
   * as it arrives. Change-triggered controls are all of this kind (AWS Config runs them on one item).
   */
  page: Control<unknown>[];
  /** Controls that read other resources (account-level, or needing other resource types): evaluated on a complete partition. */
  partition: Control<unknown>[];
  /** The resource types the partition controls evaluate or read: the items kept until their partition is complete. */
  keptTypes: ReadonlySet<string>;
}

export function splitControls(controls: readonly Control<unknown>[]): ControlSplit {
  const page: Control<unknown>[] = [];
  const partition: Control<unknown>[] = [];
  const keptTypes = new Set<string>();
  for (const c of controls) {
    if (!readsOtherResources(c)) {
      page.push(c);
      continue;
    }
    partition.push(c);
    for (const t of [...c.resourceTypes, ...c.needs]) keptTypes.add(t);
  }
  return { page, partition, keptTypes };
}

const EMPTY: readonly ConfigItem[] = Object.freeze([]);

/**
 * A snapshot that evaluates one region only: `evaluateSnapshot` walks every partition of the
 * snapshot's accounts, so the items of the other partitions it holds for look-ups (the account's
 * `global` items) are hidden from the walk, never from `ctx.items`.
 */
class OneRegionSnapshot extends Snapshot {
  constructor(readonly region: string) {
    super();
  }

  override sortedItems(accountId: string, region: string, resourceType: string): readonly ConfigItem[] {
    return region === this.region ? super.sortedItems(accountId, region, resourceType) : EMPTY;
  }
}

/** A snapshot without partitions to walk: what `evaluateSnapshot` derives the scope's `incomplete` from. */
class ErrorsOnlySnapshot extends Snapshot {
  override accounts(): string[] {
    return [];
  }
}

/** A control evaluated page by page looked up other resources, which a page cannot give it. */
export class PageLookupError extends Error {
  override readonly name = 'PageLookupError';
}

/**
 * The items of one page, for the page controls. Account-level facts and whether they could be read
 * come from the partition's snapshot (the caller's direct reads, known before the pages); a look-up of
 * other resources breaks the page controls' contract (they read none), so it fails loudly (the engine
 * reports ERROR with this message) instead of deciding on a partial view.
 */
class PageSnapshot extends Snapshot {
  constructor(readonly partition: Snapshot) {
    super();
  }

  #refuse(what: string): never {
    throw new PageLookupError(
      `a control that reads no other resources (not account-level, no AWS:: type in needs) looked up ${what}`,
    );
  }

  override items(_accountId: string, _region: string, resourceType: string): readonly ConfigItem[] {
    this.#refuse(`${resourceType} items`);
  }

  override item(_accountId: string, _region: string, resourceType: string, resourceId: string): ConfigItem | undefined {
    this.#refuse(`${resourceType} ${resourceId}`);
  }

  override fact(type: string, accountId: string, region: string): { item: ConfigItem; value: unknown } | undefined {
    return this.partition.fact(type, accountId, region);
  }

  override collectionError(accountId: string, region: string, type: string): CollectionError | undefined {
    // Facts only: a partition's own read errors (resource types) are known when its last page is.
    if (!type.startsWith('Rampart::')) this.#refuse(`whether ${type} could be read`);
    return this.partition.collectionError(accountId, region, type);
  }
}

interface Slotted {
  item: ConfigItem;
  origin: ItemOrigin;
  /** The item's capture time (`''` when it has none): the latest capture of a resource met twice wins. */
  capture: string;
  /** The item's arrival number in its partition: of equal captures, the last to arrive wins. */
  slot: number;
}

/** Where the page controls' verdicts go, with the item each is about. */
interface PageSink {
  verdict(controlId: string, item: ConfigItem, verdict: Verdict): void;
  /** The control ran on the item and gave no verdict about it (none, or only about other resources). */
  silent(controlId: string, item: ConfigItem): void;
}

function aboutItself(result: Verdict | readonly Verdict[], item: ConfigItem): boolean {
  const verdicts: readonly (Verdict | undefined)[] = Array.isArray(result) ? result : [result as Verdict];
  return verdicts.some(
    (v) => v?.resource === undefined || (v.resource.type === item.resourceType && v.resource.id === item.resourceId),
  );
}

/**
 * Runs the page controls on a page of items through the engine, telling the sink which item each
 * verdict is about, and which control said nothing about its item (the controls are wrapped to see
 * what they return).
 */
class PageRunner {
  readonly #byType = new Map<string, Control<unknown>[]>();
  #sink: PageSink | undefined;

  constructor(
    controls: readonly Control<unknown>[],
    readonly now: Date,
    readonly parameters: PartitionedInput['parameters'],
  ) {
    for (const control of controls) {
      const traced: Control<unknown> = {
        ...control,
        evaluate: (item, ctx) => {
          const result = control.evaluate(item, ctx);
          if (!aboutItself(result, item)) this.#sink?.silent(control.id, item);
          return result;
        },
      };
      for (const type of control.resourceTypes) {
        let list = this.#byType.get(type);
        if (list === undefined) {
          list = [];
          this.#byType.set(type, list);
        }
        list.push(traced);
      }
    }
  }

  evaluates(resourceType: string): boolean {
    return this.#byType.has(resourceType);
  }

  run(entries: readonly Slotted[], partition: Snapshot, sink: PageSink): void {
    const page = new PageSnapshot(partition);
    const controls = new Set<Control<unknown>>();
    for (const { item, origin } of entries) {
      for (const c of this.#byType.get(item.resourceType) ?? []) controls.add(c);
      page.add(item, origin);
    }
    if (page.size === 0) return;
    this.#sink = sink;
    try {
      evaluateSnapshot(page, {
        controls: [...controls],
        now: this.now,
        ...(this.parameters !== undefined ? { parameters: this.parameters } : {}),
        onVerdict: (controlId, item, verdict) => sink.verdict(controlId, item, verdict),
      });
    } finally {
      this.#sink = undefined;
    }
  }
}

/** The evaluations held in memory (page controls' entries, runs being read, partition controls' evaluations): their most is a statistic. */
class HeldEvaluations {
  #count = 0;

  constructor(readonly stats: PartitionStats) {}

  add(n: number): void {
    this.#count += n;
    if (this.#count > this.stats.maxEvaluationsHeld) this.stats.maxEvaluationsHeld = this.#count;
  }

  release(n: number): void {
    this.#count -= n;
  }
}

/** How much of the memory bound a merge uses: one entry per run it reads, and the chunk it emits. */
interface Limits {
  /** Entries held in memory before they are spilled as a sorted run. */
  bound: number;
  /** The most runs merged at once. */
  width: number;
  /** The most evaluations a call to `emit` carries. */
  chunk: number;
}

function limits(bound: number): Limits {
  if (!Number.isSafeInteger(bound) || bound < 1) {
    throw new RangeError(`maxEvaluationsInMemory must be a positive integer, not ${bound}`);
  }
  return {
    bound,
    width: Math.max(2, Math.min(64, Math.floor(bound / 4))),
    chunk: Math.max(1, Math.min(1024, Math.floor(bound / 4))),
  };
}

/**
 * The page controls' evaluations of one partition, made page by page and held until the partition is
 * complete and can be put in output order; when `limits.bound` are held they are sorted and spilled
 * to disk as a run, and the complete partition is a merge of its runs. A resource met twice keeps the
 * later capture, as `Snapshot.add` does: each entry carries its item's capture and arrival ({@link Entry}),
 * and the merge keeps, of one control's entries about one resource, those of the best capture
 * ({@link resolve}), so no state per resource is kept meanwhile. Only the items whose page controls
 * gave verdicts about other resources (none in the catalog) are noted, to find their best capture.
 */
class PageEvaluations {
  #entries: Entry[] = [];
  #runs: Run[] = [];
  /** Items that gave verdicts about other resources. */
  readonly #foreign = new Set<string>();
  #page = new Map<ConfigItem, Slotted>();
  #slot = 0;
  #seq = 0;
  readonly #sink: PageSink;

  constructor(
    readonly runner: PageRunner,
    readonly spill: SpillDirectory,
    readonly held: HeldEvaluations,
    readonly limits: Limits,
  ) {
    this.#sink = {
      verdict: (controlId, item, verdict) => {
        const evaluation = toEvaluation(controlId, item, verdict);
        const own = evaluation.resourceType === item.resourceType && evaluation.resourceId === item.resourceId;
        let of: string | undefined;
        if (!own) {
          of = itemKey(item.resourceType, item.resourceId);
          this.#foreign.add(of);
        }
        this.#push(evaluation, item, of, undefined);
      },
      silent: (controlId, item) => {
        const marker: Evaluation = {
          controlId,
          resourceType: item.resourceType,
          resourceId: item.resourceId,
          resourceArn: null,
          accountId: item.accountId,
          region: item.region,
          compliance: 'NOT_APPLICABLE',
          annotation: '',
        };
        this.#push(marker, item, undefined, true);
      },
    };
  }

  #push(evaluation: Evaluation, item: ConfigItem, of: string | undefined, marker: true | undefined): void {
    const slotted = this.#page.get(item);
    if (slotted === undefined) throw new Error(`a page control evaluated ${item}, which is not on the page`);
    this.#entries.push({ evaluation, capture: slotted.capture, slot: slotted.slot, seq: this.#seq++, of, marker });
    this.held.add(1);
    if (this.#entries.length >= this.limits.bound) this.spillHeld();
  }

  /**
   * Evaluations of partition controls (in output order), when they are evaluated group by group: held
   * and spilled with the page controls' entries, and never dropped as another capture's (the partition
   * snapshot already kept one capture per resource).
   */
  addEvaluated(evaluations: readonly Evaluation[]): void {
    for (const evaluation of evaluations) {
      this.#entries.push({ evaluation, capture: '', slot: -1, seq: this.#seq++ });
      this.held.add(1);
      if (this.#entries.length >= this.limits.bound) this.spillHeld();
    }
  }

  /** Entries held in memory. */
  get inMemory(): number {
    return this.#entries.length;
  }

  /** Evaluates a page; `partition` answers its fact look-ups. */
  add(items: readonly Ingested[], partition: Snapshot): void {
    if (items.length === 0) return;
    const batch = new Map<string, Slotted>();
    for (const { item, origin } of items) {
      const key = itemKey(item.resourceType, item.resourceId);
      const capture = item.captureTime ?? '';
      const previous = batch.get(key);
      if (previous !== undefined && previous.capture > capture) continue;
      batch.set(key, { item, origin, capture, slot: this.#slot++ });
    }
    for (const slotted of batch.values()) this.#page.set(slotted.item, slotted);
    try {
      this.runner.run([...batch.values()], partition, this.#sink);
    } finally {
      this.#page = new Map();
    }
  }

  /**
   * Writes the entries held as a sorted run (those another capture in them beats dropped), then merges
   * runs of one level once there are `limits.width` of them, so a merge never reads more.
   */
  spillHeld(): void {
    if (this.#entries.length === 0) return;
    const entries = this.#entries.sort(compareEntries);
    this.#entries = [];
    this.#runs.push(this.spill.write(resolve(entries, undefined, noop), 0));
    this.held.release(entries.length);
    for (let level = 0; ; level++) {
      const same = this.#runs.filter((r) => r.level === level);
      if (same.length < this.limits.width) break;
      this.#runs = [...this.#runs.filter((r) => r.level !== level), this.#merge(same, level + 1)];
    }
  }

  #merge(runs: readonly Run[], level: number): Run {
    const sources = runs.map((r) => readRun(r, () => this.held.add(1)));
    const release = () => this.held.release(1);
    const merged = this.spill.write(released(resolve(mergeSorted(sources), undefined, release), release), level);
    for (const r of runs) this.spill.remove(r);
    return merged;
  }

  /**
   * The partition's evaluations in output order, merged with the partition controls' (`whole`, in output
   * order), in chunks of at most `limits.chunk`. With runs on disk, the entries held join them as one
   * more run, and the runs are merged `limits.width` at most.
   */
  complete(whole: readonly Evaluation[], emit: (evaluations: readonly Evaluation[]) => void): void {
    this.held.add(whole.length);
    if (this.#runs.length === 0) {
      const entries = this.#entries.sort(compareEntries);
      this.#entries = [];
      const winners = bestCaptures(entries, this.#foreign);
      emitMerged(whole, resolve(entries, { winners }, noop), this.limits.chunk, emit, noop);
      this.held.release(entries.length);
    } else {
      this.spillHeld();
      while (this.#runs.length > this.limits.width) {
        const bySize = [...this.#runs].sort((a, b) => a.count - b.count);
        const smallest = bySize.slice(0, Math.min(this.limits.width, this.#runs.length - this.limits.width + 1));
        this.#runs = [
          ...bySize.slice(smallest.length),
          this.#merge(smallest, Math.max(...smallest.map((r) => r.level)) + 1),
        ];
      }
      // Only when some item gave verdicts about other resources: a pass over the runs to find its best capture.
      const winners =
        this.#foreign.size === 0 ? new Map<string, Capture>() : bestCaptures(allOf(this.#runs), this.#foreign);
      const sources = this.#runs.map((r) => readRun(r, () => this.held.add(1)));
      const release = (n: number) => this.held.release(n);
      emitMerged(
        whole,
        resolve(mergeSorted(sources), { winners }, () => release(1)),
        this.limits.chunk,
        emit,
        release,
      );
      for (const r of this.#runs) this.spill.remove(r);
      this.#runs = [];
    }
    this.held.release(whole.length);
  }
}

const noop = () => {};

/** Each entry passed on, then `release` once the next is asked for (the previous one is written). */
function* released(entries: Iterable<Entry>, release: () => void): Generator<Entry> {
  for (const entry of entries) {
    yield entry;
    release();
  }
}

function* allOf(runs: readonly Run[]): Generator<Entry> {
  for (const run of runs) yield* readRun(run);
}

/**
 * Emits the page controls' entries (kept ones, in order) merged with the partition controls'
 * evaluations, in chunks; `emitted` is told how many page entries each chunk carried.
 */
function emitMerged(
  whole: readonly Evaluation[],
  page: Iterable<Entry>,
  size: number,
  emit: (evaluations: readonly Evaluation[]) => void,
  emitted: (pageEntries: number) => void,
): void {
  let chunk: Evaluation[] = [];
  let fromPage = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const full = chunk;
    const count = fromPage;
    chunk = [];
    fromPage = 0;
    emit(full);
    emitted(count);
  };
  let i = 0;
  for (const entry of page) {
    while (i < whole.length && compareEvaluations(whole[i]!, entry.evaluation) <= 0) {
      chunk.push(whole[i++]!);
      if (chunk.length >= size) flush();
    }
    chunk.push(entry.evaluation);
    fromPage++;
    if (chunk.length >= size) flush();
  }
  while (i < whole.length) {
    chunk.push(whole[i++]!);
    if (chunk.length >= size) flush();
  }
  flush();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Partition controls that read the same resource types (`AWS::` types they evaluate or need, the account item aside). */
export interface ControlGroup {
  types: ReadonlySet<string>;
  controls: Control<unknown>[];
}

/** The partition controls grouped by the resource types they read: what a group's evaluation loads from disk. */
export function controlGroups(controls: readonly Control<unknown>[]): ControlGroup[] {
  const byKey = new Map<string, ControlGroup>();
  for (const c of controls) {
    const types = [...new Set([...c.resourceTypes, ...c.needs])]
      .filter((t) => t.startsWith('AWS::') && t !== ACCOUNT_RESOURCE_TYPE)
      .sort(cmp);
    const key = types.join(' ');
    let group = byKey.get(key);
    if (group === undefined) {
      group = { types: new Set(types), controls: [] };
      byKey.set(key, group);
    }
    group.controls.push(c);
  }
  return [...byKey.values()];
}

const isFact = (item: ConfigItem) => item.resourceType.startsWith('Rampart::');

/**
 * Evaluates an aggregator partition by partition, in the output order DESIGN.md fixes (accounts,
 * then `global` and the regions sorted), page by page within a partition ({@link splitControls}):
 * - a partition's snapshot holds the caller's direct reads for it (facts), the collection errors,
 *   the attestations, and the items of the types the partition controls read, from that partition
 *   and the account's `global` partition (controls look global items up, as IAM users);
 * - the page controls evaluate each page as it arrives, facts coming from that snapshot, and its
 *   items are dropped unless a partition control reads their type;
 * - the partition controls evaluate the snapshot when the partition is complete.
 * Memory: a page plus the items the partition controls read, never a partition or the organization.
 * Those kept items are bounded too (`maxItemsInMemory` per partition, and as many for the account's
 * `global` one): past the bound they wait on disk ({@link KeptItems}), and the partition controls are
 * evaluated group by group ({@link controlGroups}), each on a snapshot of the types it reads, read
 * back from disk; a partition then holds the items of one group at most.
 * The page controls' evaluations of a partition wait for it to be complete, to be sorted: at most
 * `maxEvaluationsInMemory` of them in memory, the rest in sorted runs on disk, merged when the
 * partition is emitted (in chunks, with the partition controls' evaluations); the account's `global`
 * partition, read before its regions but emitted among them, keeps what it holds within the bound of
 * the regions that come first (or spills it). The runs live in one temporary directory per call,
 * removed when it returns or throws. The evaluations equal those of `evaluateSnapshot` over the whole
 * organization in one snapshot: controls look up their own partition and `global` only, and page
 * controls no other resources.
 */
export async function evaluatePartitions(input: PartitionedInput): Promise<PartitionedResult> {
  const bounds = limits(input.maxEvaluationsInMemory ?? DEFAULT_MAX_EVALUATIONS_IN_MEMORY);
  const spill = new SpillDirectory(input.temporaryDirectory ?? tmpdir());
  let result: PartitionedResult;
  try {
    result = await evaluateSpilling(input, bounds, spill);
  } catch (error) {
    try {
      spill.dispose();
    } catch {
      // The scan's own failure is the one to report.
    }
    throw error;
  }
  spill.dispose();
  return result;
}

async function evaluateSpilling(
  input: PartitionedInput,
  bounds: Limits,
  spill: SpillDirectory,
): Promise<PartitionedResult> {
  const { header, partitions } = input;
  const accounts = new Set<string>(header.accounts);
  const regions = new Set<string>(header.regions);
  const note = (accountId: string, region: string) => {
    accounts.add(accountId);
    if (region !== GLOBAL_REGION) regions.add(region);
  };
  for (const p of partitions) note(p.accountId, p.region);
  for (const s of input.side) note(s.item.accountId, s.item.region);
  for (const e of input.sideErrors) note(e.accountId, e.region);
  const sortedAccounts = [...accounts].sort(cmp);
  const sortedRegions = [...regions].sort(cmp);
  const walk = [GLOBAL_REGION, ...sortedRegions].sort(cmp);
  const stored = new Set(partitions.map((p) => `${p.accountId}\u0000${p.region}`));
  const readAccounts = new Set(partitions.map((p) => p.accountId));
  const split = splitControls(input.controls);
  const groups = controlGroups(split.partition);
  const itemBound = input.maxItemsInMemory ?? DEFAULT_MAX_ITEMS_IN_MEMORY;
  if (!Number.isSafeInteger(itemBound) || itemBound < 0) {
    throw new RangeError(`maxItemsInMemory must be a non-negative integer, not ${itemBound}`);
  }
  const runner = new PageRunner(split.page, input.now, input.parameters);
  const evaluateOptions = {
    now: input.now,
    ...(input.parameters !== undefined ? { parameters: input.parameters } : {}),
  };

  const collectionErrors = [...input.sideErrors];
  const problems = new Map<string, InputProblem>();
  const stats: PartitionStats = {
    partitions: 0,
    reads: 0,
    pages: 0,
    maxItemsHeld: 0,
    maxItemsKept: 0,
    maxRowsHeld: 0,
    maxEvaluationsHeld: 0,
    spilledItems: 0,
    spilledRuns: 0,
    spilledEvaluations: 0,
  };
  const held = new HeldEvaluations(stats);
  let rowCount = 0;
  const pages = input.pages[Symbol.asyncIterator]();

  /**
   * Reads one partition page by page: the page controls evaluate each page into `evaluations`, the
   * items of the kept types go to `snapshot` and `kept`, the rest is dropped. `alsoHeld`: items held
   * meanwhile. The error that cut the read short goes to the snapshot too.
   */
  const readPartition = async (
    accountId: string,
    region: string,
    snapshot: Snapshot,
    kept: KeptItems,
    inherited: KeptItems | undefined,
    evaluations: PageEvaluations,
    sideHeld: number,
  ): Promise<CollectionError | undefined> => {
    stats.reads++;
    for (;;) {
      const next = await pages.next();
      if (next.done || next.value.accountId !== accountId || next.value.region !== region) {
        throw new Error(`partitions out of order: expected ${accountId} ${region}`);
      }
      const page = next.value;
      stats.pages++;
      rowCount += page.rows.length;
      stats.maxRowsHeld = Math.max(stats.maxRowsHeld, page.rows.length);
      const fresh: Ingested[] = [];
      let dropped = 0;
      for (const row of page.rows) {
        const ingested = input.ingest(row);
        if (ingested === undefined) continue;
        const type = ingested.item.resourceType;
        if (split.keptTypes.has(type)) kept.add(ingested, row);
        else dropped++;
        if (runner.evaluates(type)) fresh.push(ingested);
      }
      const keptInMemory = kept.inMemory + (inherited?.inMemory ?? 0);
      stats.maxItemsHeld = Math.max(stats.maxItemsHeld, sideHeld + keptInMemory + dropped);
      stats.maxItemsKept = Math.max(stats.maxItemsKept, keptInMemory);
      evaluations.add(fresh, snapshot);
      if (page.last) {
        if (page.error !== undefined) {
          collectionErrors.push(page.error);
          input.onError(page.error);
          snapshot.addCollectionError(page.error);
        }
        return page.error;
      }
    }
  };

  for (const accountId of sortedAccounts) {
    const accountErrors = input.sideErrors.filter((e) => e.accountId === accountId);
    const side = input.side.filter((s) => s.item.accountId === accountId);
    const sideIn = (region: string) =>
      side.filter((s) => s.item.region === region || (region !== GLOBAL_REGION && s.item.region === GLOBAL_REGION));
    const sideItems = (region: string) => sideIn(region).filter((s) => !isFact(s.item)).length;
    /**
     * A partition's snapshot before its pages: the caller's direct reads first, as in the snapshot
     * file (a resource both read directly and through the aggregator keeps the later capture, or on a
     * tie the aggregator's, as `Snapshot.add` does), the account's kept global items, the errors known.
     */
    const open = (region: string): Snapshot => {
      const snapshot = new OneRegionSnapshot(region);
      snapshot.addHeader({ ...header, accounts: [accountId], regions: region === GLOBAL_REGION ? [] : [region] });
      for (const s of sideIn(region)) snapshot.add(s.item, s.origin);
      for (const e of accountErrors) {
        if (e.region === GLOBAL_REGION || e.region === region) snapshot.addCollectionError(e);
      }
      input.attest?.(snapshot);
      return snapshot;
    };
    /** The page controls' evaluations of a partition, starting with the caller's direct reads of it. */
    const start = (region: string, snapshot: Snapshot, within = bounds): PageEvaluations => {
      const evaluations = new PageEvaluations(runner, spill, held, within);
      evaluations.add(
        side.filter((s) => s.item.region === region && runner.evaluates(s.item.resourceType)),
        snapshot,
      );
      return evaluations;
    };
    /**
     * Evaluates the partition controls on a complete partition: its snapshot (direct reads, errors,
     * attestations) with the account's kept `global` items and the partition's, added after the direct
     * reads as in the snapshot file. When either kept set is on disk, group by group: each group's
     * controls on a snapshot of their types only, read back from disk, their evaluations held and
     * spilled with the page controls'.
     */
    const evaluateKept = (
      region: string,
      snapshot: Snapshot,
      own: KeptItems,
      inherited: KeptItems | undefined,
      evaluations: PageEvaluations,
      readError: CollectionError | undefined,
    ): void => {
      const ofRegion = (e: Evaluation) => e.region === region;
      if (own.spilled) stats.spilledItems += own.size;
      // The snapshot's problems are its facts' (the caller's direct reads): kept items add none.
      for (const p of snapshot.problems) if (p.source === 'scan') problems.set(JSON.stringify(p), p);
      if (!own.spilled && !inherited?.spilled) {
        for (const i of inherited?.read() ?? []) snapshot.add(i.item, i.origin);
        for (const i of own.read()) snapshot.add(i.item, i.origin);
        stats.maxItemsHeld = Math.max(stats.maxItemsHeld, snapshot.size);
        const whole =
          split.partition.length === 0
            ? []
            : evaluateSnapshot(snapshot, { ...evaluateOptions, controls: split.partition }).evaluations.filter(
                ofRegion,
              );
        evaluations.complete(whole, (chunk) => input.emit(chunk));
        return;
      }
      for (const group of groups) {
        const part = open(region);
        if (readError !== undefined) part.addCollectionError(readError);
        for (const i of inherited?.read(group.types) ?? []) part.add(i.item, i.origin);
        for (const i of own.read(group.types)) part.add(i.item, i.origin);
        stats.maxItemsHeld = Math.max(stats.maxItemsHeld, part.size);
        const run = evaluateSnapshot(part, { ...evaluateOptions, controls: group.controls });
        evaluations.addEvaluated(run.evaluations.filter(ofRegion));
      }
      evaluations.complete([], (chunk) => input.emit(chunk));
    };

    const label = (region: string) => `account ${accountId} ${region}`;
    const globalKept = new KeptItems(spill, itemBound, label(GLOBAL_REGION));
    const globalSnapshot = open(GLOBAL_REGION);
    const globalEvaluations = start(GLOBAL_REGION, globalSnapshot);
    if (readAccounts.has(accountId)) {
      const error = await readPartition(
        accountId,
        GLOBAL_REGION,
        globalSnapshot,
        globalKept,
        undefined,
        globalEvaluations,
        sideItems(GLOBAL_REGION),
      );
      if (error !== undefined) accountErrors.push(error);
    }
    // `global` is emitted after the regions that sort before it: what it holds meanwhile counts against
    // their bound, or, when that would leave them less than half of it (or less than a merge needs),
    // waits on disk.
    let beforeGlobal = bounds;
    if (walk[0] !== GLOBAL_REGION) {
      const waiting = globalEvaluations.inMemory;
      if (2 * waiting > bounds.bound || bounds.bound - waiting < 3) globalEvaluations.spillHeld();
      else beforeGlobal = limits(bounds.bound - waiting);
    }
    let globalDone = false;
    for (const region of walk) {
      stats.partitions++;
      if (region === GLOBAL_REGION) {
        // The global partition's read error is among the account's errors already (open adds it).
        evaluateKept(region, globalSnapshot, globalKept, undefined, globalEvaluations, undefined);
        globalDone = true;
        continue;
      }
      const snapshot = open(region);
      const evaluations = start(region, snapshot, globalDone ? bounds : beforeGlobal);
      const regional = new KeptItems(spill, itemBound, label(region));
      const readError = stored.has(`${accountId}\u0000${region}`)
        ? await readPartition(accountId, region, snapshot, regional, globalKept, evaluations, sideItems(region))
        : undefined;
      evaluateKept(region, snapshot, regional, globalKept, evaluations, readError);
    }
  }
  if (!(await pages.next()).done) throw new Error('partitions out of order: pages left after the last partition');

  stats.spilledRuns = spill.spilledRuns;
  stats.spilledEvaluations = spill.spilledEntries;

  const errorsOnly = new ErrorsOnlySnapshot();
  for (const e of collectionErrors) errorsOnly.addCollectionError(e);
  const base = evaluateSnapshot(errorsOnly, { ...evaluateOptions, controls: input.controls }).scope;
  return {
    scope: {
      controls: base.controls,
      accounts: sortedAccounts,
      regions: sortedRegions,
      now: base.now,
      incomplete: base.incomplete,
    },
    problems: [...problems.values()],
    collectionErrors,
    rows: rowCount,
    stats,
  };
}
