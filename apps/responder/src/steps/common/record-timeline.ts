import { required } from '../../env.js';
import { PLAYBOOK_NAMES, type PlaybookName } from '../../incident.js';
import { defineStep, EVIDENCE_PERMISSIONS, lambdaHandler, type StepContext, type StepResult } from '../../step.js';

/** The run's timeline: every step's actions in order, with times, as one object per run. */
export interface Timeline {
  incidentId: string;
  runId: string;
  playbook: PlaybookName;
  findingId: string;
  dryRun: boolean;
  outcome: 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string;
  target: unknown;
  entries: { at: string; step: string; status: string; action?: string; target?: string; detail?: string }[];
  evidence: string[];
  error?: { Error?: string; Cause?: string };
}

export function buildTimeline(ctx: StepContext): Timeline {
  const { incident } = ctx;
  const steps = Object.values((ctx.state.steps ?? {}) as Record<string, StepResult>).filter(
    (r) => r !== null && typeof r === 'object' && Array.isArray(r.actions),
  );
  steps.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const entries: Timeline['entries'] = [{ at: incident.startedAt, step: 'start-incident', status: 'started' }];
  for (const r of steps) {
    if (r.actions.length === 0) entries.push({ at: r.finishedAt, step: r.step, status: r.status });
    for (const a of r.actions) {
      entries.push({
        at: r.finishedAt,
        step: r.step,
        status: a.status,
        action: a.action,
        target: a.target,
        ...(a.detail ? { detail: a.detail } : {}),
      });
    }
  }
  return {
    incidentId: incident.incidentId,
    runId: incident.runId,
    playbook: incident.playbook,
    findingId: incident.findingId,
    dryRun: incident.dryRun,
    outcome: ctx.state.error === undefined ? 'succeeded' : 'failed',
    startedAt: incident.startedAt,
    finishedAt: ctx.now().toISOString(),
    target: incident.target,
    entries,
    evidence: steps.flatMap((r) => r.evidence),
    ...(ctx.state.error !== undefined ? { error: ctx.state.error } : {}),
  };
}

export const step = defineStep({
  id: 'record-timeline',
  description: "Writes the run's timeline (every step's actions with times) to the evidence bucket",
  playbooks: PLAYBOOK_NAMES as readonly PlaybookName[],
  permissions: EVIDENCE_PERMISSIONS,
  async run(ctx: StepContext) {
    const timeline = buildTimeline(ctx);
    required(ctx.env, 'RAMPART_EVIDENCE_BUCKET');
    // The timeline sits beside the steps' folders: incidents/<incident>/<run>/timeline.json.
    const key = `incidents/${ctx.incident.incidentId}/${ctx.incident.runId}/timeline.json`;
    ctx.data['timelineKey'] = key;
    ctx.data['outcome'] = timeline.outcome;
    ctx.data['entries'] = timeline.entries.length;
    await ctx.saveEvidenceAt(key, timeline);
  },
});

export const handler = lambdaHandler(step);
