import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import {
  type CollectionError,
  type Control,
  describeCollectionError,
  formatProblem,
  type InputProblem,
  type Severity,
  severityRank,
} from '@rampart/core';
import { type CliIo, combineExit, EXIT } from '../io.js';

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

/** What the exit code needs from the evaluations: gaps, and failures at or above `--fail-on`. */
export interface Tally {
  gaps: number;
  failing: number;
}

export function tally(
  evaluations: readonly { compliance: string; controlId: string }[],
  failOn: Severity | undefined,
  controls: ReadonlyMap<string, Control<unknown>>,
  into: Tally = { gaps: 0, failing: 0 },
): Tally {
  const threshold = failOn === undefined ? undefined : severityRank(failOn);
  for (const e of evaluations) {
    if (e.compliance === 'INSUFFICIENT_DATA' || e.compliance === 'ERROR') into.gaps++;
    if (threshold !== undefined && e.compliance === 'NON_COMPLIANT') {
      const c = controls.get(e.controlId);
      if (c !== undefined && severityRank(c.severity) <= threshold) into.failing++;
    }
  }
  return into;
}

export function exitCode(
  io: CliIo,
  counts: Tally,
  unreadable: number,
  badItems: boolean,
  failOn: Severity | undefined,
): number {
  const codes: number[] = [];
  if (badItems) codes.push(EXIT.USAGE);
  const gaps = counts.gaps;
  if (gaps > 0 || unreadable > 0) {
    codes.push(EXIT.GAPS);
    io.stderr(
      `rampart: finished with gaps: ${gaps} evaluation(s) with insufficient data or errors, ${unreadable} read(s) failed.\n`,
    );
  }
  if (failOn !== undefined) {
    const failing = counts.failing;
    if (failing > 0) {
      codes.push(EXIT.FAIL_ON);
      io.stderr(`rampart: ${failing} non-compliant evaluation(s) at ${failOn} or above (--fail-on ${failOn}).\n`);
    }
  }
  return combineExit(codes);
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
