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

const COMPLIANCES = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA', 'ERROR'] as const;

/** A verdict's slot in a control's counters. */
function slotOf(compliance: Compliance): number {
  switch (compliance) {
    case 'COMPLIANT':
      return 0;
    case 'NON_COMPLIANT':
      return 1;
    case 'NOT_APPLICABLE':
      return 2;
    case 'INSUFFICIENT_DATA':
      return 3;
    default:
      return 4;
  }
}

function countsOf(slots: Float64Array): Counts {
  const counts = emptyCounts();
  COMPLIANCES.forEach((c, i) => {
    counts[c] = slots[i]!;
  });
  return counts;
}

/**
 * Counts verdicts one at a time (the table path never holds every evaluation of a large run): one
 * array of counters per control, summed into areas and severities when the summary is asked for.
 */
export class SummaryBuilder {
  readonly #controls: ReadonlyMap<string, Control<unknown>>;
  /** Counters per control id, in the order the controls first gave a verdict. */
  readonly #byControl = new Map<string, Float64Array>();
  #lastId: string | undefined;
  #last: Float64Array | undefined;
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
    let slots = this.#last;
    if (slots === undefined || this.#lastId !== controlId) {
      slots = this.#byControl.get(controlId);
      if (slots === undefined) {
        slots = new Float64Array(COMPLIANCES.length);
        this.#byControl.set(controlId, slots);
      }
      this.#lastId = controlId;
      this.#last = slots;
    }
    this.count++;
    slots[slotOf(compliance)]!++;
  }

  /** The counts so far: overall, per area, per severity, per control (controls unknown to the map count overall only). */
  get summary(): Summary {
    const summary: Summary = {
      total: emptyCounts(),
      byArea: Object.fromEntries(AREAS.map((a) => [a, emptyCounts()])) as Record<Area, Counts>,
      bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, emptyCounts()])) as Record<Severity, Counts>,
      byControl: new Map<string, Counts>(),
    };
    for (const [controlId, slots] of this.#byControl) {
      const counts = countsOf(slots);
      summary.byControl.set(controlId, counts);
      const control = this.#controls.get(controlId);
      for (const c of COMPLIANCES) {
        summary.total[c] += counts[c];
        if (control !== undefined) {
          summary.byArea[control.area][c] += counts[c];
          summary.bySeverity[control.severity][c] += counts[c];
        }
      }
    }
    return summary;
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
