import {
  AREAS,
  type Area,
  type Compliance,
  type Control,
  type Evaluation,
  SEVERITIES,
  type Severity,
} from '@rampart/core';

export type Counts = Record<Compliance, number>;

export function emptyCounts(): Counts {
  return { COMPLIANT: 0, NON_COMPLIANT: 0, NOT_APPLICABLE: 0, INSUFFICIENT_DATA: 0, ERROR: 0 };
}

export interface Summary {
  total: Counts;
  byArea: Record<Area, Counts>;
  bySeverity: Record<Severity, Counts>;
  byControl: Map<string, Counts>;
}

/** The counters one control's verdicts add to. */
interface ControlTally {
  controlId: string;
  counts: Counts;
  area: Counts | undefined;
  severity: Counts | undefined;
}

/** Counts verdicts one at a time (the table path never holds every evaluation of a large run). */
export class SummaryBuilder {
  readonly #controls: ReadonlyMap<string, Control<unknown>>;
  readonly summary: Summary = {
    total: emptyCounts(),
    byArea: Object.fromEntries(AREAS.map((a) => [a, emptyCounts()])) as Record<Area, Counts>,
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, emptyCounts()])) as Record<Severity, Counts>,
    byControl: new Map<string, Counts>(),
  };
  count = 0;

  constructor(controls: ReadonlyMap<string, Control<unknown>>) {
    this.#controls = controls;
  }

  add(e: Evaluation): void {
    this.addVerdict(e.controlId, e.compliance);
  }

  /** One verdict of a control (the evaluate command counts verdicts before they become evaluations). */
  addVerdict(controlId: string, compliance: Compliance): void {
    // Verdicts come control by control: the previous control's counters are usually the ones needed.
    let entry = this.#last;
    if (entry === undefined || entry.controlId !== controlId) {
      entry = this.#entry(controlId);
      this.#last = entry;
    }
    this.count++;
    this.summary.total[compliance]++;
    entry.counts[compliance]++;
    if (entry.area !== undefined) entry.area[compliance]++;
    if (entry.severity !== undefined) entry.severity[compliance]++;
  }

  #last: ControlTally | undefined;

  #entry(controlId: string): ControlTally {
    const { byArea, bySeverity, byControl } = this.summary;
    const control = this.#controls.get(controlId);
    let counts = byControl.get(controlId);
    if (counts === undefined) {
      counts = emptyCounts();
      byControl.set(controlId, counts);
    }
    return {
      controlId,
      counts,
      area: control === undefined ? undefined : byArea[control.area],
      severity: control === undefined ? undefined : bySeverity[control.severity],
    };
  }
}

/** Verdict counts overall, per area, per severity and per control. */
export function summarize(
  evaluations: readonly Evaluation[],
  controls: ReadonlyMap<string, Control<unknown>>,
): Summary {
  const builder = new SummaryBuilder(controls);
  for (const e of evaluations) builder.add(e);
  return builder.summary;
}

/** Share of decided verdicts that pass, as a whole percentage; undefined when nothing was decided. */
export function score(counts: Counts): number | undefined {
  const decided = counts.COMPLIANT + counts.NON_COMPLIANT;
  return decided === 0 ? undefined : Math.round((counts.COMPLIANT / decided) * 100);
}
