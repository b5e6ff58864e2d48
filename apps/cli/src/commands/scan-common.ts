import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { type CollectionError, describeCollectionError, formatProblem, type InputProblem } from '@rampart/core';
import type { CliIo } from '../io.js';

/**
 * Writes the version-1 snapshot as lines arrive, buffered, to `<file>.partial`, renamed when the scan
 * is complete so a crashed scan never leaves a file that looks whole.
 */
export class SnapshotWriter {
  readonly #fd: number;
  #buffer: string[] = [];
  #size = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(`${path}.partial`, 'w');
  }

  line(text: string): void {
    this.#buffer.push(text);
    this.#size += text.length + 1;
    if (this.#size > 1 << 16) this.flush();
  }

  flush(): void {
    if (this.#buffer.length === 0) return;
    writeSync(this.#fd, `${this.#buffer.join('\n')}\n`);
    this.#buffer = [];
    this.#size = 0;
  }

  close(complete: boolean): void {
    this.flush();
    closeSync(this.#fd);
    if (complete) renameSync(`${this.path}.partial`, this.path);
    else rmSync(`${this.path}.partial`, { force: true });
  }
}

/** Names on stderr every item the collectors produced that does not validate, and every read that failed. */
export function reportCollection(
  io: CliIo,
  problems: readonly InputProblem[],
  collectionErrors: readonly CollectionError[],
): void {
  for (const problem of problems) io.stderr(`rampart: collector produced a bad item: ${formatProblem(problem)}\n`);
  for (const e of collectionErrors) {
    const unknown = e.resourceTypes.length > 0 ? ` (unknown: ${e.resourceTypes.join(', ')})` : '';
    io.stderr(`rampart: could not read in ${e.accountId} ${e.region}: ${describeCollectionError(e)}${unknown}\n`);
  }
}
