import { type Control, SEVERITIES, type Severity, severityRank } from '@rampart/core';
import { type CliIo, combineExit, EXIT } from '../io.js';
import type { Summary } from '../render/summary.js';

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

/** The same tally from a run's counts (the table path counts verdicts without keeping them). */
export function summaryTally(summary: Summary, failOn: Severity | undefined): Tally {
  const threshold = failOn === undefined ? undefined : severityRank(failOn);
  let failing = 0;
  if (threshold !== undefined) {
    for (const severity of SEVERITIES) {
      if (severityRank(severity) <= threshold) failing += summary.bySeverity[severity].NON_COMPLIANT;
    }
  }
  return { gaps: summary.total.INSUFFICIENT_DATA + summary.total.ERROR, failing };
}

/**
 * The exit code of a run that evaluated (DESIGN.md: 2 over 3 over 1), with a line on stderr for each
 * reason. `unreadable` describes what could not be read ("2 read(s) failed"), or is undefined.
 */
export function exitCode(
  io: CliIo,
  counts: Tally,
  unreadable: string | undefined,
  badItems: boolean,
  failOn: Severity | undefined,
): number {
  const codes: number[] = [];
  if (badItems) codes.push(EXIT.USAGE);
  if (counts.gaps > 0 || unreadable !== undefined) {
    codes.push(EXIT.GAPS);
    io.stderr(
      `rampart: finished with gaps: ${counts.gaps} evaluation(s) with insufficient data or errors` +
        (unreadable !== undefined ? `, ${unreadable}` : '') +
        '.\n',
    );
  }
  if (failOn !== undefined && counts.failing > 0) {
    codes.push(EXIT.FAIL_ON);
    io.stderr(`rampart: ${counts.failing} non-compliant evaluation(s) at ${failOn} or above (--fail-on ${failOn}).\n`);
  }
  return combineExit(codes);
}

/** `n read(s) failed`, or undefined when none did. */
export function failedReads(count: number): string | undefined {
  return count > 0 ? `${count} read(s) failed` : undefined;
}
