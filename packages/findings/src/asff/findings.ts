import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { type Control, catalog, type Evaluation, type EvaluationScope } from '@rampart/core';
import { FindingTooLargeError, HomeRegionError } from '../errors.js';
import { buildFinding, defaultHomeRegion, type FindingTimes } from './build.js';
import { findingId } from './ids.js';

/** The part of an evaluation run the findings need: `rampart evaluate --format json` carries both. */
export interface RunLike {
  evaluations: readonly Evaluation[];
  scope: EvaluationScope;
}

/** An evaluation that could not become a finding; reported, never dropped silently. */
export interface FindingProblem {
  id: string;
  code: 'UnknownControl' | 'FindingTooLarge' | 'NoHomeRegion';
  message: string;
}

export interface BuildFindingsOptions {
  /** Where findings on global resources are imported (default: the first region the run scanned). */
  homeRegion?: string;
  /** Control metadata by id (default: the Rampart catalog). */
  controls?: ReadonlyMap<string, Control<unknown>>;
  /** Timestamps per finding Id; default: every timestamp is the run's "now" (deterministic output). */
  times?: (id: string) => FindingTimes;
}

export interface BuiltFindings {
  findings: AwsSecurityFinding[];
  problems: FindingProblem[];
  /** Ids of resources evaluated NOT_APPLICABLE (no finding; an existing one is archived). */
  notApplicable: Set<string>;
}

export function controlMap(): Map<string, Control<unknown>> {
  return new Map(
    catalog()
      .all()
      .map((c) => [c.id, c]),
  );
}

/** Evaluations grouped by finding Id, in the run's order. */
export function groupByFinding(evaluations: readonly Evaluation[]): Map<string, Evaluation[]> {
  const groups = new Map<string, Evaluation[]>();
  for (const e of evaluations) {
    const id = findingId(e);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [e]);
    else group.push(e);
  }
  return groups;
}

/** ASFF findings for every evaluation of a run, in the run's order (`--format asff`). */
export function buildFindings(run: RunLike, options: BuildFindingsOptions = {}): BuiltFindings {
  const controls = options.controls ?? controlMap();
  const homeRegion = defaultHomeRegion(run.scope, options.homeRegion);
  const findings: AwsSecurityFinding[] = [];
  const problems: FindingProblem[] = [];
  const notApplicable = new Set<string>();
  for (const [id, group] of groupByFinding(run.evaluations)) {
    const control = controls.get(group[0]!.controlId);
    if (control === undefined) {
      problems.push({ id, code: 'UnknownControl', message: `Control ${group[0]!.controlId} is not in the catalog.` });
      continue;
    }
    try {
      const times = options.times?.(id) ?? { observedAt: run.scope.now };
      const finding = buildFinding(group, control, { homeRegion, times });
      if (finding === undefined) notApplicable.add(id);
      else findings.push(finding);
    } catch (error) {
      if (error instanceof FindingTooLargeError) problems.push({ id, code: 'FindingTooLarge', message: error.message });
      else if (error instanceof HomeRegionError) problems.push({ id, code: 'NoHomeRegion', message: error.message });
      else throw error;
    }
  }
  return { findings, problems, notApplicable };
}
