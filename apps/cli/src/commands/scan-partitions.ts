import type { AggregatorPartition, PartitionRead } from '@rampart/collectors';
import {
  type CollectionError,
  type ConfigItem,
  type Control,
  type Evaluation,
  type EvaluationScope,
  evaluateSnapshot,
  GLOBAL_REGION,
  type InputProblem,
  type ItemOrigin,
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
  /** Their rows, as `Scanner.readPartitions` yields them: per account `global` first, then its regions in order. */
  reads: AsyncIterable<PartitionRead>;
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
  /** The most configuration items held in one partition's snapshot (the account's global items included). */
  maxItemsHeld: number;
  /** The most aggregator rows held at once (the account's global partition plus one regional partition). */
  maxRowsHeld: number;
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

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Evaluates an aggregator partition by partition, in the output order DESIGN.md fixes (accounts,
 * then `global` and the regions sorted), on a fresh snapshot per partition holding that partition,
 * the account's `global` partition (controls look global items up, as IAM users for the credential
 * report) and the caller's account-level facts for it. Memory: one account's global items plus one
 * regional partition, never the organization. The evaluations equal those of `evaluateSnapshot` over
 * the whole organization in one snapshot: controls look up their own partition and `global` only.
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

  const collectionErrors = [...input.sideErrors];
  const problems = new Map<string, InputProblem>();
  const stats: PartitionStats = { partitions: 0, reads: 0, maxItemsHeld: 0, maxRowsHeld: 0 };
  let rowCount = 0;
  const reads = input.reads[Symbol.asyncIterator]();
  const next = async (accountId: string, region: string): Promise<PartitionRead> => {
    const read = await reads.next();
    if (read.done || read.value.accountId !== accountId || read.value.region !== region) {
      throw new Error(`partitions out of order: expected ${accountId} ${region}`);
    }
    stats.reads++;
    rowCount += read.value.rows.length;
    if (read.value.error !== undefined) {
      collectionErrors.push(read.value.error);
      input.onError(read.value.error);
    }
    return read.value;
  };
  const ingestAll = (rows: Record<string, unknown>[]): Ingested[] => {
    const out: Ingested[] = [];
    for (const row of rows) {
      const ingested = input.ingest(row);
      if (ingested !== undefined) out.push(ingested);
    }
    return out;
  };

  for (const accountId of sortedAccounts) {
    let global: Ingested[] = [];
    let globalRows = 0;
    const accountErrors = input.sideErrors.filter((e) => e.accountId === accountId);
    if (readAccounts.has(accountId)) {
      const read = await next(accountId, GLOBAL_REGION);
      globalRows = read.rows.length;
      global = ingestAll(read.rows);
      if (read.error !== undefined) accountErrors.push(read.error);
    }
    const side = input.side.filter((s) => s.item.accountId === accountId);
    for (const region of walk) {
      let rows = 0;
      let items: Ingested[] = [];
      const errors = accountErrors.filter((e) => e.region === GLOBAL_REGION || e.region === region);
      if (region !== GLOBAL_REGION && stored.has(`${accountId}\u0000${region}`)) {
        const read = await next(accountId, region);
        rows = read.rows.length;
        items = ingestAll(read.rows);
        if (read.error !== undefined) errors.push(read.error);
      }
      stats.maxRowsHeld = Math.max(stats.maxRowsHeld, globalRows + rows);
      const snapshot = new OneRegionSnapshot(region);
      snapshot.addHeader({ ...header, accounts: [accountId], regions: region === GLOBAL_REGION ? [] : [region] });
      for (const s of global) snapshot.add(s.item, s.origin);
      for (const s of side) {
        if (s.item.region === GLOBAL_REGION || s.item.region === region) snapshot.add(s.item, s.origin);
      }
      for (const s of items) snapshot.add(s.item, s.origin);
      for (const e of errors) snapshot.addCollectionError(e);
      input.attest?.(snapshot);
      stats.maxItemsHeld = Math.max(stats.maxItemsHeld, snapshot.size);
      stats.partitions++;
      for (const p of snapshot.problems) if (p.source === 'scan') problems.set(JSON.stringify(p), p);
      const run = evaluateSnapshot(snapshot, {
        controls: input.controls,
        now: input.now,
        ...(input.parameters !== undefined ? { parameters: input.parameters } : {}),
      });
      input.emit(run.evaluations.filter((e) => e.region === region));
    }
  }

  const errorsOnly = new ErrorsOnlySnapshot();
  for (const e of collectionErrors) errorsOnly.addCollectionError(e);
  const base = evaluateSnapshot(errorsOnly, {
    controls: input.controls,
    now: input.now,
    ...(input.parameters !== undefined ? { parameters: input.parameters } : {}),
  }).scope;
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
