import { normalizeItem } from '@rampart/core';
import type { Ingested } from './scan-partitions.js';
import { type LineFile, readLines, type SpillDirectory, SpillError } from './scan-spill.js';

/** Characters each kept-items file buffers: a partition may write one file per resource type. */
const KEPT_BUFFER = 1 << 16;

/**
 * The aggregator items of one partition that the partition controls read (controls that look up
 * other resources: security groups and the ENIs that use them, roles and their policies, ...), kept
 * until the partition is complete. In memory up to `bound` items; past it, every kept item of the
 * partition goes to a file of the scan's temporary directory, one file per resource type, as the row
 * `ingest` normalized it from, and is read back, type by type, when the controls that read those types
 * are evaluated ({@link read}): a group of controls reads only its types' files.
 */
export class KeptItems {
  #items: Ingested[] = [];
  /** The rows of the items in memory (same order), to write them out on a spill. */
  #rows: unknown[] = [];
  /** Once spilled: a file per resource type. */
  #files: Map<string, LineFile> | undefined;
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
    return this.#files !== undefined;
  }

  /** Keeps an item; `row` is what `ingest` normalized it from (`normalizeItem` gives the item back). */
  add(ingested: Ingested, row: unknown): void {
    this.#count++;
    if (this.#files !== undefined) {
      this.#write(this.#files, ingested, row);
      return;
    }
    this.#items.push(ingested);
    this.#rows.push(row);
    if (this.#items.length > this.bound) {
      const files = new Map<string, LineFile>();
      this.#files = files;
      for (let n = 0; n < this.#items.length; n++) this.#write(files, this.#items[n]!, this.#rows[n]);
      this.#items = [];
      this.#rows = [];
    }
  }

  #write(files: Map<string, LineFile>, ingested: Ingested, row: unknown): void {
    const type = ingested.item.resourceType;
    let file = files.get(type);
    if (file === undefined) {
      file = this.spill.lineFile('kept', this.#what(type), KEPT_BUFFER);
      files.set(type, file);
    }
    file.append(JSON.stringify([ingested.origin.source, ingested.origin.position, row]));
  }

  #what(type: string): string {
    return `file of kept ${type} items of ${this.label}`;
  }

  /**
   * The kept items of `types` (all when undefined), each type's in the order they came: from memory,
   * or read back from that type's file (normalized again, one at a time: the caller holds what it
   * keeps of them).
   */
  *read(types?: ReadonlySet<string>): Generator<Ingested> {
    const files = this.#files;
    if (files === undefined) {
      for (const i of this.#items) if (types === undefined || types.has(i.item.resourceType)) yield i;
      return;
    }
    for (const [type, file] of files) {
      if (types !== undefined && !types.has(type)) continue;
      file.close();
      let n = 0;
      for (const text of readLines(file.path, this.#what(type))) {
        n++;
        yield parse(text, `${this.#what(type)} ${file.path}, line ${n}`, type);
      }
      if (n !== file.count) {
        throw new SpillError(`${this.#what(type)} ${file.path} holds ${n} items, ${file.count} were kept`);
      }
    }
  }
}

function parse(text: string, where: string, type: string): Ingested {
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
  // It normalized as this type when it was kept: anything else means the file is not what was written.
  if (!normalized.ok || normalized.item.resourceType !== type) {
    throw new SpillError(`${where}: the item no longer normalizes as a ${type}`);
  }
  return { item: normalized.item, origin: { source: value[0], position: value[1] } };
}
