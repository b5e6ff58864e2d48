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

/** Verdict counts overall, per area, per severity and per control. */
export function summarize(
  evaluations: readonly Evaluation[],
  controls: ReadonlyMap<string, Control<unknown>>,
): Summary {
  const total = emptyCounts();
  const byArea = Object.fromEntries(AREAS.map((a) => [a, emptyCounts()])) as Record<Area, Counts>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, emptyCounts()])) as Record<Severity, Counts>;
  const byControl = new Map<string, Counts>();
  for (const e of evaluations) {
    const control = controls.get(e.controlId);
    total[e.compliance]++;
    if (control !== undefined) {
      byArea[control.area][e.compliance]++;
      bySeverity[control.severity][e.compliance]++;
    }
    let c = byControl.get(e.controlId);
    if (c === undefined) {
      c = emptyCounts();
      byControl.set(e.controlId, c);
    }
    c[e.compliance]++;
  }
  return { total, byArea, bySeverity, byControl };
}

/** Share of decided verdicts that pass, as a whole percentage; undefined when nothing was decided. */
export function score(counts: Counts): number | undefined {
  const decided = counts.COMPLIANT + counts.NON_COMPLIANT;
  return decided === 0 ? undefined : Math.round((counts.COMPLIANT / decided) * 100);
}
