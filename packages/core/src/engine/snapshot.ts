import { ConfigItem } from '../ci/config-item.js';
import type { SnapshotHeader } from '../ci/schemas.js';
import { registeredFactType } from '../facts/registry.js';
import { type CollectionError, GLOBAL_REGION } from '../model/types.js';

/** Where an input item came from, for error messages: file and 0-based index (array) or 1-based line (JSON Lines). */
export interface ItemOrigin {
  source: string;
  /** `index N` for JSON arrays, `line N` for JSON Lines. */
  position: string;
}

export interface InputProblem extends ItemOrigin {
  path: string;
  message: string;
}

/**
 * The items of one type in one account and region. Adding only appends; the first read sorts them by
 * resource id and drops duplicates (sorting puts them side by side), and `item()` look-ups build the
 * id map on first use: most lists are read whole, in id order, and a large input has tens of
 * thousands of items to add.
 */
interface TypeEntry {
  items: ConfigItem[];
  ids: Map<string, ConfigItem> | undefined;
  settled: boolean;
}

type TypeIndex = Map<string, TypeEntry>;

/**
 * The indexed contents of one or more inputs: items by account, region and type, facts by
 * type, account and region, and collection errors. Built once; every look-up afterwards is a map hit.
 */
export class Snapshot {
  readonly #partitions = new Map<string, Map<string, TypeIndex>>();
  /** The entry the previous `add` used: inputs often list items of one type and partition together. */
  #last: { accountId: string; region: string; resourceType: string; entry: TypeEntry } | undefined;
  readonly #memo = new Map<string, unknown>();
  /** Facts by account, region (`global` for global facts) and type: looked up for every item of many controls. */
  readonly #facts = new Map<string, Map<string, Map<string, ConfigItem>>>();
  #factCount = 0;
  readonly #factAccounts = new Set<string>();
  readonly #errors: CollectionError[] = [];
  readonly #errorIndex = new Map<string, CollectionError>();
  readonly #accounts = new Set<string>();
  readonly #regions = new Set<string>();
  #capturedAt: string | undefined;
  readonly headers: SnapshotHeader[] = [];
  /** Problems found while building (duplicate items, invalid facts), reported like input problems. */
  readonly problems: InputProblem[] = [];

  /** Adds a header line; several inputs may each bring one. The latest `capturedAt` wins. */
  addHeader(header: SnapshotHeader): void {
    this.headers.push(header);
    for (const a of header.accounts) this.#accounts.add(a);
    for (const r of header.regions) this.#regions.add(r);
    if (this.#capturedAt === undefined || header.capturedAt > this.#capturedAt) this.#capturedAt = header.capturedAt;
  }

  /** Adds an item; facts are validated against their schema, duplicates keep the latest capture. */
  add(item: ConfigItem, origin: ItemOrigin): void {
    if (item.resourceType.startsWith('Rampart::')) {
      this.#note(item.accountId, item.region);
      this.#addFact(item, origin);
      return;
    }
    const entry = this.#entry(item);
    entry.items.push(item);
    entry.settled = false;
    entry.ids = undefined;
    if (this.#memo.size > 0) this.#memo.clear();
  }

  /**
   * Sorts an entry's items by resource id and keeps one item per id: the latest capture, and of equal
   * captures the one added last (the sort is stable, so duplicates sit side by side in input order).
   */
  #settle(entry: TypeEntry): ConfigItem[] {
    if (entry.settled) return entry.items;
    const list = entry.items;
    list.sort((a, b) => (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0));
    let out = 0;
    for (let i = 0; i < list.length; i++) {
      const item = list[i]!;
      if (out > 0 && list[out - 1]!.resourceId === item.resourceId) {
        if ((list[out - 1]!.captureTime ?? '') <= (item.captureTime ?? '')) list[out - 1] = item;
        continue;
      }
      list[out++] = item;
    }
    list.length = out;
    entry.settled = true;
    return list;
  }

  addCollectionError(error: CollectionError): void {
    this.#errors.push(error);
    this.#note(error.accountId, error.region);
    for (const type of error.resourceTypes) {
      const key = `${error.accountId}\u0000${error.region}\u0000${type}`;
      if (!this.#errorIndex.has(key)) this.#errorIndex.set(key, error);
    }
  }

  #addFact(item: ConfigItem, origin: ItemOrigin): void {
    const type = registeredFactType(item.resourceType);
    if (type === undefined) {
      this.problems.push({ ...origin, path: 'resourceType', message: `unknown fact type ${item.resourceType}` });
      return;
    }
    let configuration: unknown;
    try {
      configuration = item.configuration;
    } catch (error) {
      // A fact whose configuration is a broken JSON string is a bad input line, not a crash of the load.
      this.problems.push({ ...origin, path: 'configuration', message: (error as Error).message });
      return;
    }
    const result = type.schema.safeParse(configuration);
    if (!result.success) {
      for (const issue of result.error.issues) {
        this.problems.push({
          ...origin,
          path: ['configuration', ...issue.path.map(String)].join('.'),
          message: `${issue.message} (${item.resourceType} ${item.resourceId})`,
        });
      }
      return;
    }
    const region = type.scope === 'global' ? GLOBAL_REGION : item.region;
    let regions = this.#facts.get(item.accountId);
    if (regions === undefined) {
      regions = new Map();
      this.#facts.set(item.accountId, regions);
    }
    let types = regions.get(region);
    if (types === undefined) {
      types = new Map();
      regions.set(region, types);
    }
    if (!types.has(item.resourceType)) this.#factCount++;
    types.set(item.resourceType, item);
    this.#factAccounts.add(item.accountId);
    factValues.set(item, result.data);
  }

  #entry(item: ConfigItem): TypeEntry {
    const last = this.#last;
    if (
      last !== undefined &&
      last.resourceType === item.resourceType &&
      last.accountId === item.accountId &&
      last.region === item.region
    ) {
      return last.entry;
    }
    this.#note(item.accountId, item.region);
    let regions = this.#partitions.get(item.accountId);
    if (regions === undefined) {
      regions = new Map();
      this.#partitions.set(item.accountId, regions);
    }
    let types = regions.get(item.region);
    if (types === undefined) {
      types = new Map();
      regions.set(item.region, types);
    }
    let entry = types.get(item.resourceType);
    if (entry === undefined) {
      entry = { items: [], ids: undefined, settled: true };
      types.set(item.resourceType, entry);
    }
    this.#last = { accountId: item.accountId, region: item.region, resourceType: item.resourceType, entry };
    return entry;
  }

  /** An account and region the input speaks of (`global` is no region). */
  #note(accountId: string, region: string): void {
    this.#accounts.add(accountId);
    if (region !== GLOBAL_REGION) this.#regions.add(region);
  }

  #find(accountId: string, region: string, resourceType: string): TypeEntry | undefined {
    return this.#partitions.get(accountId)?.get(region)?.get(resourceType);
  }

  /** A value derived from the snapshot, built on first request (see `EvaluationContext.memo`). */
  memo<T>(key: string, build: () => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = build();
    this.#memo.set(key, value);
    return value;
  }

  /** Configuration items held (facts not counted). */
  get size(): number {
    let count = 0;
    for (const regions of this.#partitions.values()) {
      for (const types of regions.values()) for (const entry of types.values()) count += this.#settle(entry).length;
    }
    return count;
  }

  /** Account-level facts held. */
  get factCount(): number {
    return this.#factCount;
  }

  get capturedAt(): string | undefined {
    return this.#capturedAt;
  }

  /** Accounts in the snapshot, sorted. */
  accounts(): string[] {
    return [...this.#accounts].sort();
  }

  /** Regions (never `global`) in the snapshot, sorted. */
  regions(): string[] {
    return [...this.#regions].sort();
  }

  /** Items of a type sorted by resource id, one per id (settled once, on first request). */
  sortedItems(accountId: string, region: string, resourceType: string): readonly ConfigItem[] {
    const entry = this.#find(accountId, region, resourceType);
    return entry === undefined ? EMPTY : this.#settle(entry);
  }

  /** The same list as {@link sortedItems}. */
  items(accountId: string, region: string, resourceType: string): readonly ConfigItem[] {
    const entry = this.#find(accountId, region, resourceType);
    return entry === undefined ? EMPTY : this.#settle(entry);
  }

  item(accountId: string, region: string, resourceType: string, resourceId: string): ConfigItem | undefined {
    const entry = this.#find(accountId, region, resourceType);
    if (entry === undefined) return undefined;
    if (entry.ids === undefined) {
      const ids = new Map<string, ConfigItem>();
      for (const item of this.#settle(entry)) ids.set(item.resourceId, item);
      entry.ids = ids;
    }
    return entry.ids.get(resourceId);
  }

  /** Regions of an account that hold items (`global` included). */
  itemRegions(accountId: string): string[] {
    return [...(this.#partitions.get(accountId)?.keys() ?? [])];
  }

  fact(type: string, accountId: string, region: string): { item: ConfigItem; value: unknown } | undefined {
    const item = this.#facts.get(accountId)?.get(region)?.get(type);
    return item === undefined ? undefined : { item, value: factValues.get(item) };
  }

  /** Whether the input holds any account-level fact for the account. */
  hasFacts(accountId: string): boolean {
    return this.#factAccounts.has(accountId);
  }

  collectionErrors(): readonly CollectionError[] {
    return this.#errors;
  }

  collectionError(accountId: string, region: string, type: string): CollectionError | undefined {
    return this.#errorIndex.get(`${accountId}\u0000${region}\u0000${type}`);
  }
}

const EMPTY: readonly ConfigItem[] = Object.freeze([]);
const factValues = new WeakMap<ConfigItem, unknown>();

/** The synthetic item account-level controls evaluate: `AWS::::Account` with the account id. */
export function accountItem(accountId: string, region: string): ConfigItem {
  return new ConfigItem({
    shape: 'event',
    resourceType: 'AWS::::Account',
    resourceId: accountId,
    resourceName: undefined,
    arn: undefined,
    accountId,
    region,
    status: 'OK',
    captureTime: undefined,
    tags: {},
    relationships: [],
    configuration: {},
    supplementary: undefined,
  });
}
