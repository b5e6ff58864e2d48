import {
  AREA_TITLES,
  AREAS,
  type Area,
  BEST_PRACTICES,
  type Compliance,
  type Control,
  type Evaluation,
  type EvaluationScope,
  QUESTIONS,
  SEVERITIES,
  type Severity,
  severityRank,
  WELL_ARCHITECTED_VERSION,
} from '@rampart/core';
import { controlMap } from '../asff/findings.js';

/** Verdict counts; `score` is compliant / (compliant + non-compliant) in percent, null when neither occurs. */
export interface Tally {
  evaluations: number;
  compliant: number;
  nonCompliant: number;
  notApplicable: number;
  insufficientData: number;
  error: number;
  score: number | null;
}

export interface AreaSummary extends Tally {
  area: Area;
  title: string;
  /** Controls of this area the run evaluated. */
  controls: number;
  /** Of those, controls with at least one non-compliant resource. */
  failingControls: number;
}

/**
 * One cell of the Well-Architected grid. `failing`: a mapped control found a non-compliant resource;
 * `gaps`: none failed but some could not be evaluated; `passing`: every applicable verdict compliant;
 * `not-applicable`: mapped controls ran but found nothing to judge; `not-evaluated`: the catalog maps
 * controls here but the run did not select them; `no-controls`: no Rampart control maps to it.
 */
export type CoverageStatus = 'failing' | 'gaps' | 'passing' | 'not-applicable' | 'not-evaluated' | 'no-controls';

export const COVERAGE_STATUSES: readonly CoverageStatus[] = [
  'failing',
  'gaps',
  'passing',
  'not-applicable',
  'not-evaluated',
  'no-controls',
];

export interface BestPracticeCoverage {
  id: string;
  title: string;
  question: string;
  status: CoverageStatus;
  /** Controls of the run mapped to this best practice. */
  controls: string[];
  /** Catalog controls mapped to it that the run did not evaluate. */
  otherControls: string[];
  tally: Tally;
}

export interface ReportResource {
  resourceType: string;
  resourceId: string;
  resourceArn: string | null;
  accountId: string;
  region: string;
  compliance: Compliance;
  annotation: string;
}

export interface ControlResult {
  id: string;
  title: string;
  area: Area;
  severity: Severity;
  wellArchitected: string[];
  remediation: { text: string; url: string };
  /** Non-compliant (failing section) or INSUFFICIENT_DATA/ERROR (gaps section) verdicts, in the run's order. */
  resources: ReportResource[];
}

export interface SeverityGroup {
  severity: Severity;
  /** Non-compliant evaluations at this severity. */
  evaluations: number;
  controls: ControlResult[];
}

export interface ReportModel {
  title: string;
  /** When the report was produced (ISO); the run's "now" unless given. */
  generatedAt: string;
  scope: EvaluationScope;
  totals: Tally;
  areas: AreaSummary[];
  wellArchitected: {
    version: string;
    bestPractices: BestPracticeCoverage[];
    /** Best practices at least one evaluated control maps to. */
    covered: number;
    total: number;
    byStatus: Record<CoverageStatus, number>;
  };
  /** Failing controls, most severe first; every severity is listed, empty ones too. */
  failing: SeverityGroup[];
  /** Controls with verdicts that are not verdicts (INSUFFICIENT_DATA, ERROR). */
  gaps: ControlResult[];
  /** Evaluations of controls that are not in the catalog (reported, never dropped). */
  unknownControls: string[];
}

export interface ReportOptions {
  title?: string;
  generatedAt?: string;
  /** Control metadata by id (default: the Rampart catalog). */
  controls?: ReadonlyMap<string, Control<unknown>>;
}

export interface RunLikeForReport {
  evaluations: Iterable<Evaluation>;
  scope: EvaluationScope;
}

const KEY: Record<Compliance, keyof Omit<Tally, 'evaluations' | 'score'>> = {
  COMPLIANT: 'compliant',
  NON_COMPLIANT: 'nonCompliant',
  NOT_APPLICABLE: 'notApplicable',
  INSUFFICIENT_DATA: 'insufficientData',
  ERROR: 'error',
};

export function emptyTally(): Tally {
  return {
    evaluations: 0,
    compliant: 0,
    nonCompliant: 0,
    notApplicable: 0,
    insufficientData: 0,
    error: 0,
    score: null,
  };
}

function count(tally: Tally, compliance: Compliance): void {
  tally.evaluations++;
  tally[KEY[compliance]]++;
}

/** compliant / (compliant + non-compliant), rounded to a whole percent; null when there is nothing to score. */
export function scoreOf(tally: Pick<Tally, 'compliant' | 'nonCompliant'>): number | null {
  const judged = tally.compliant + tally.nonCompliant;
  return judged === 0 ? null : Math.round((100 * tally.compliant) / judged);
}

/**
 * Accumulates a run's evaluations one at a time and keeps only counts and the failing and gap
 * verdicts, so a report over an organization costs memory for its failures, not its resources.
 */
export class ReportBuilder {
  readonly #controls: ReadonlyMap<string, Control<unknown>>;
  readonly #totals = emptyTally();
  readonly #byArea = new Map<Area, Tally>();
  readonly #byControl = new Map<string, Tally>();
  readonly #failing = new Map<string, ReportResource[]>();
  readonly #gaps = new Map<string, ReportResource[]>();
  readonly #unknown = new Set<string>();

  constructor(controls?: ReadonlyMap<string, Control<unknown>>) {
    this.#controls = controls ?? controlMap();
    for (const area of AREAS) this.#byArea.set(area, emptyTally());
  }

  add(e: Evaluation): void {
    count(this.#totals, e.compliance);
    const control = this.#controls.get(e.controlId);
    if (control === undefined) {
      this.#unknown.add(e.controlId);
      return;
    }
    count(this.#byArea.get(control.area)!, e.compliance);
    let tally = this.#byControl.get(e.controlId);
    if (tally === undefined) {
      tally = emptyTally();
      this.#byControl.set(e.controlId, tally);
    }
    count(tally, e.compliance);
    const target =
      e.compliance === 'NON_COMPLIANT'
        ? this.#failing
        : e.compliance === 'INSUFFICIENT_DATA' || e.compliance === 'ERROR'
          ? this.#gaps
          : undefined;
    if (target === undefined) return;
    let list = target.get(e.controlId);
    if (list === undefined) {
      list = [];
      target.set(e.controlId, list);
    }
    list.push({
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      resourceArn: e.resourceArn,
      accountId: e.accountId,
      region: e.region,
      compliance: e.compliance,
      annotation: e.annotation,
    });
  }

  build(scope: EvaluationScope, options: Omit<ReportOptions, 'controls'> = {}): ReportModel {
    const inScope = new Set(scope.controls);
    const scopeControls = [...inScope].map((id) => this.#controls.get(id)).filter((c) => c !== undefined);

    const totals = finish({ ...this.#totals });
    const areas: AreaSummary[] = AREAS.map((area) => {
      const ofArea = scopeControls.filter((c) => c.area === area);
      return {
        ...finish({ ...this.#byArea.get(area)! }),
        area,
        title: AREA_TITLES[area],
        controls: ofArea.length,
        failingControls: ofArea.filter((c) => this.#failing.has(c.id)).length,
      };
    });

    const byStatus = Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, 0])) as Record<CoverageStatus, number>;
    const mapped = new Map<string, Control<unknown>[]>();
    for (const control of this.#controls.values()) {
      for (const bp of control.wellArchitected) {
        const list = mapped.get(bp) ?? [];
        list.push(control);
        mapped.set(bp, list);
      }
    }
    const bestPractices = BEST_PRACTICES.map((bp): BestPracticeCoverage => {
      const all = (mapped.get(bp.id) ?? []).map((c) => c.id).sort();
      const controls = all.filter((id) => inScope.has(id));
      const tally = emptyTally();
      for (const id of controls) {
        const t = this.#byControl.get(id);
        if (t === undefined) continue;
        for (const key of Object.values(KEY)) tally[key] += t[key];
        tally.evaluations += t.evaluations;
      }
      finish(tally);
      const status: CoverageStatus =
        all.length === 0
          ? 'no-controls'
          : controls.length === 0
            ? 'not-evaluated'
            : tally.nonCompliant > 0
              ? 'failing'
              : tally.insufficientData + tally.error > 0
                ? 'gaps'
                : tally.compliant > 0
                  ? 'passing'
                  : 'not-applicable';
      byStatus[status]++;
      return {
        id: bp.id,
        title: bp.title,
        question: bp.question,
        status,
        controls,
        otherControls: all.filter((id) => !inScope.has(id)),
        tally,
      };
    });

    const result = (id: string, resources: ReportResource[]): ControlResult => {
      const c = this.#controls.get(id)!;
      return {
        id,
        title: c.title,
        area: c.area,
        severity: c.severity,
        wellArchitected: [...c.wellArchitected],
        remediation: { ...c.remediation },
        resources,
      };
    };
    const bySeverityThenId = (a: ControlResult, b: ControlResult) =>
      severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const failingControls = [...this.#failing].map(([id, list]) => result(id, list)).sort(bySeverityThenId);
    const failing = SEVERITIES.map((severity) => {
      const controls = failingControls.filter((c) => c.severity === severity);
      return { severity, evaluations: controls.reduce((n, c) => n + c.resources.length, 0), controls };
    });

    return {
      title: options.title ?? 'Rampart security report',
      generatedAt: options.generatedAt ?? scope.now,
      scope,
      totals,
      areas,
      wellArchitected: {
        version: WELL_ARCHITECTED_VERSION,
        bestPractices,
        covered: bestPractices.filter((bp) => bp.controls.length > 0).length,
        total: bestPractices.length,
        byStatus,
      },
      failing,
      gaps: [...this.#gaps].map(([id, list]) => result(id, list)).sort(bySeverityThenId),
      unknownControls: [...this.#unknown].sort(),
    };
  }
}

function finish(tally: Tally): Tally {
  tally.score = scoreOf(tally);
  return tally;
}

/** The report of a whole run (`rampart evaluate|scan` output, or what the report generator read). */
export function buildReport(run: RunLikeForReport, options: ReportOptions = {}): ReportModel {
  const builder = new ReportBuilder(options.controls);
  for (const e of run.evaluations) builder.add(e);
  const { controls: _, ...rest } = options;
  return builder.build(run.scope, rest);
}

/** The title of a Well-Architected question (SEC01 …). */
export function questionTitle(id: string): string {
  return QUESTIONS.find((q) => q.id === id)?.title ?? id;
}
