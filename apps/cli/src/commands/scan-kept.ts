import { normalizeItem } from '@rampart/core';
import type { Ingested } from './scan-partitions.js';
import { type LineFile, readLines, type SpillDirectory, SpillError } from './scan-spill.js';

/**
 * The aggregator items of one partition that the partition controls read (controls that look up
 * other resources: security groups and the ENIs that use them, roles and their policies, ...), kept
 * until the partition is complete. In memory up to `bound` items; past it, every kept item of the
 * partition goes to a file of the scan's temporary directory, as the row `ingest` normalized it from,
 * and is read back, type by type, when the controls that read those types are evaluated ({@link read}).
 */
export class KeptItems {
  #items: Ingested[] = [];
  /** The rows of the items in memory (same order), to write them out on a spill. */
  #rows: unknown[] = [];
  #file: LineFile | undefined;
  #count = 0;

  /** `label` names the partition in errors (`account 111122223333 eu-west-1`). */
  constructor(
    readonly spill: SpillDirectory,
    readonly bound: number,
    readonly label: string,
  ) {}

  /** Items kept, in memory or on disk. */
  get size(): number {
    return this.#count;
  }

  /** Items held in memory. */
  get inMemory(): number {
    return this.#items.length;
  }

  get spilled(): boolean {
    return this.#file !== undefined;
  }

  /** Keeps an item; `row` is what `ingest` normalized it from (`normalizeItem` gives the item back). */
  add(ingested: Ingested, row: unknown): void {
    this.#count++;
    if (this.#file !== undefined) {
      this.#file.append(line(ingested, row));
      return;
    }
    this.#items.push(ingested);
    this.#rows.push(row);
    if (this.#items.length > this.bound) {
      const file = this.spill.lineFile('kept', this.#what());
      this.#file = file;
      for (let n = 0; n < this.#items.length; n++) file.append(line(this.#items[n]!, this.#rows[n]));
      this.#items = [];
      this.#rows = [];
    }
  }

  #what(): string {
    return `file of kept items of ${this.label}`;
  }

  /**
   * The kept items in the order they came, or those of `types` only: from memory, or read back from
   * the file (normalized again, one at a time: the caller holds what it keeps of them).
   */
  *read(types?: ReadonlySet<string>): Generator<Ingested> {
    const file = this.#file;
    if (file === undefined) {
      for (const i of this.#items) if (types === undefined || types.has(i.item.resourceType)) yield i;
      return;
    }
    file.close();
    let n = 0;
    for (const text of readLines(file.path, this.#what())) {
      n++;
      const where = `${this.#what()} ${file.path}, line ${n}`;
      const tab = text.indexOf('\t');
      if (tab < 0) throw new SpillError(`${where}: not a kept item`);
      if (types !== undefined && !types.has(text.slice(0, tab))) continue;
      yield parse(text.slice(tab + 1), where);
    }
    if (n !== file.count)
      throw new SpillError(`${this.#what()} ${file.path} holds ${n} items, ${file.count} were kept`);
  }
}

/** `type \t [source, position, row]`: the type first, so a read by type parses only the items it returns. */
function line(ingested: Ingested, row: unknown): string {
  const { item, origin } = ingested;
  return `${item.resourceType}\t${JSON.stringify([origin.source, origin.position, row])}`;
}

function parse(text: string, where: string): Ingested {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SpillError(`${where}: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw new SpillError(`${where}: not a kept item`);
  }
  const normalized = normalizeItem(value[2]);
  // It normalized when it was kept: anything else means the file is not what was written.
  if (!normalized.ok) throw new SpillError(`${where}: the item no longer normalizes`);
  return { item: normalized.item, origin: { source: value[0], position: value[1] } };
}
