import type { AggregatorPartition, PartitionPage } from '@rampart/collectors';
import {
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
} from '@rampart/core';

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
  /** The evaluations of one partition, in output order; partitions come in (account, region) order. */
  emit(evaluations: readonly Evaluation[]): void;
}

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
   * The most evaluations held before being emitted: a partition's, sorted when it is complete (the
   * output order DESIGN.md fixes), plus the account's `global` ones, which come later in that order.
   */
  maxEvaluationsHeld: number;
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
  /** Which evaluations are this item's: dropped together when a later capture of the resource replaces it. */
  slot: number;
}

/**
 * Runs the page controls on a page of items through the engine, and tells which item each
 * evaluation belongs to: the controls are wrapped to note the item they are called on, and deleted
 * items (NOT_APPLICABLE without a call) run apart, where an evaluation names its own item.
 */
class PageRunner {
  readonly #byType = new Map<string, Control<unknown>[]>();
  #slots = new Map<ConfigItem, number>();
  #current = -1;

  constructor(
    controls: readonly Control<unknown>[],
    readonly now: Date,
    readonly parameters: PartitionedInput['parameters'],
  ) {
    for (const control of controls) {
      const traced: Control<unknown> = {
        ...control,
        evaluate: (item, ctx) => {
          this.#current = this.#slots.get(item) ?? -1;
          return control.evaluate(item, ctx);
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

  run(entries: readonly Slotted[], partition: Snapshot, out: (evaluation: Evaluation, slot: number) => void): void {
    const live = new PageSnapshot(partition);
    const deleted = new PageSnapshot(partition);
    const deletedSlots = new Map<string, number>();
    const controls = new Set<Control<unknown>>();
    this.#slots = new Map();
    for (const { item, origin, slot } of entries) {
      for (const c of this.#byType.get(item.resourceType) ?? []) controls.add(c);
      if (item.deleted) {
        deleted.add(item, origin);
        deletedSlots.set(`${item.resourceType}\u0000${item.resourceId}`, slot);
      } else {
        live.add(item, origin);
        this.#slots.set(item, slot);
      }
    }
    const options = {
      controls: [...controls],
      now: this.now,
      ...(this.parameters !== undefined ? { parameters: this.parameters } : {}),
    };
    if (live.size > 0) {
      evaluateSnapshot(live, { ...options, onEvaluation: (e) => out(e, this.#current) });
    }
    if (deleted.size > 0) {
      evaluateSnapshot(deleted, {
        ...options,
        onEvaluation: (e) => out(e, deletedSlots.get(`${e.resourceType}\u0000${e.resourceId}`) ?? -1),
      });
    }
    this.#slots = new Map();
  }
}

/**
 * The page controls' evaluations of one partition, made page by page and held (evaluations, not
 * items) until the partition is complete and can be put in output order. A resource met twice keeps
 * the later capture, as `Snapshot.add` does: the earlier one's evaluations are dropped.
 */
class PageEvaluations {
  readonly #seen = new Map<string, { capture: string; slot: number }>();
  readonly #evaluations: Evaluation[] = [];
  readonly #slots: number[] = [];
  readonly #replaced = new Set<number>();
  #next = 0;

  constructor(readonly runner: PageRunner) {}

  get size(): number {
    return this.#evaluations.length;
  }

  /** Evaluates a page; `partition` answers its fact look-ups. */
  add(items: readonly Ingested[], partition: Snapshot): void {
    if (items.length === 0) return;
    const batch = new Map<string, Slotted>();
    for (const { item, origin } of items) {
      const key = `${item.resourceType}\u0000${item.resourceId}`;
      const capture = item.captureTime ?? '';
      const previous = this.#seen.get(key);
      if (previous !== undefined) {
        if (previous.capture > capture) continue;
        this.#replaced.add(previous.slot);
      }
      const slot = this.#next++;
      this.#seen.set(key, { capture, slot });
      batch.set(key, { item, origin, slot });
    }
    this.runner.run([...batch.values()], partition, (evaluation, slot) => {
      this.#evaluations.push(evaluation);
      this.#slots.push(slot);
    });
  }

  /** The evaluations in output order (a stable sort: one item's verdicts keep the order the control gave them). */
  sorted(): Evaluation[] {
    const kept =
      this.#replaced.size === 0
        ? this.#evaluations
        : this.#evaluations.filter((_, i) => !this.#replaced.has(this.#slots[i]!));
    return kept.sort(compareEvaluations);
  }
}

/** Two lists in output order, of disjoint controls, merged. */
function merge(a: readonly Evaluation[], b: readonly Evaluation[]): readonly Evaluation[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Evaluation[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareEvaluations(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
 * Memory: a page plus the items the partition controls read, never a partition or the organization;
 * the evaluations of a partition are held until it is complete, to be sorted. The evaluations equal
 * those of `evaluateSnapshot` over the whole organization in one snapshot: controls look up their own
 * partition and `global` only, and page controls no other resources.
 */
export async function evaluatePartitions(input: PartitionedInput): Promise<PartitionedResult> {
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
  };
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
    kept: Ingested[],
    evaluations: PageEvaluations,
    alsoHeld: number,
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
        if (split.keptTypes.has(type)) {
          kept.push(ingested);
          snapshot.add(ingested.item, ingested.origin);
        } else {
          dropped++;
        }
        if (runner.evaluates(type)) fresh.push(ingested);
      }
      stats.maxItemsHeld = Math.max(stats.maxItemsHeld, alsoHeld + kept.length + dropped);
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
    const open = (region: string, globalKept: readonly Ingested[]): Snapshot => {
      const snapshot = new OneRegionSnapshot(region);
      snapshot.addHeader({ ...header, accounts: [accountId], regions: region === GLOBAL_REGION ? [] : [region] });
      for (const s of sideIn(region)) snapshot.add(s.item, s.origin);
      for (const s of globalKept) snapshot.add(s.item, s.origin);
      for (const e of accountErrors) {
        if (e.region === GLOBAL_REGION || e.region === region) snapshot.addCollectionError(e);
      }
      input.attest?.(snapshot);
      return snapshot;
    };
    /** The page controls' evaluations of a partition, starting with the caller's direct reads of it. */
    const start = (region: string, snapshot: Snapshot): PageEvaluations => {
      const evaluations = new PageEvaluations(runner);
      evaluations.add(
        side.filter((s) => s.item.region === region && runner.evaluates(s.item.resourceType)),
        snapshot,
      );
      return evaluations;
    };

    const globalKept: Ingested[] = [];
    const globalSnapshot = open(GLOBAL_REGION, []);
    const globalEvaluations = start(GLOBAL_REGION, globalSnapshot);
    if (readAccounts.has(accountId)) {
      const error = await readPartition(
        accountId,
        GLOBAL_REGION,
        globalSnapshot,
        globalKept,
        globalEvaluations,
        sideItems(GLOBAL_REGION),
      );
      if (error !== undefined) accountErrors.push(error);
    }
    for (const region of walk) {
      const isGlobal = region === GLOBAL_REGION;
      let snapshot = globalSnapshot;
      let evaluations = globalEvaluations;
      let kept = globalKept.length;
      if (!isGlobal) {
        snapshot = open(region, globalKept);
        evaluations = start(region, snapshot);
        const regional: Ingested[] = [];
        if (stored.has(`${accountId}\u0000${region}`)) {
          await readPartition(
            accountId,
            region,
            snapshot,
            regional,
            evaluations,
            sideItems(region) + globalKept.length,
          );
        }
        kept += regional.length;
      }
      stats.maxItemsHeld = Math.max(stats.maxItemsHeld, snapshot.size);
      stats.maxItemsKept = Math.max(stats.maxItemsKept, kept);
      stats.partitions++;
      for (const p of snapshot.problems) if (p.source === 'scan') problems.set(JSON.stringify(p), p);
      const whole =
        split.partition.length === 0
          ? []
          : evaluateSnapshot(snapshot, { ...evaluateOptions, controls: split.partition }).evaluations.filter(
              (e) => e.region === region,
            );
      stats.maxEvaluationsHeld = Math.max(
        stats.maxEvaluationsHeld,
        whole.length + evaluations.size + (isGlobal ? 0 : globalEvaluations.size),
      );
      input.emit(merge(whole, evaluations.sorted()));
    }
  }
  if (!(await pages.next()).done) throw new Error('partitions out of order: pages left after the last partition');

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
