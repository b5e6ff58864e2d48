import type { Incident } from '../../incident.js';
import type { StepResult } from '../../step.js';

const TARGET_NAME: Record<Incident['target']['type'], (t: Incident['target']) => string> = {
  'access-key': (t) => (t.type === 'access-key' ? `access key ${t.accessKeyId}` : ''),
  's3-bucket': (t) => (t.type === 's3-bucket' ? `bucket ${t.bucketName}` : ''),
  'ec2-instance': (t) => (t.type === 'ec2-instance' ? `instance ${t.instanceId}` : ''),
};

export function targetName(incident: Incident): string {
  return TARGET_NAME[incident.target.type](incident.target);
}

/** The notification: a subject within SNS's 100 characters and a plain-text body listing every action. */
export function summarize(
  incident: Incident,
  steps: Record<string, StepResult>,
  error?: { Error?: string; Cause?: string },
): { subject: string; message: string } {
  const outcome = error !== undefined ? 'FAILED' : incident.dryRun ? 'DRY RUN' : 'contained';
  const subject = `[Rampart] ${incident.playbook} ${outcome}: ${targetName(incident)}`.slice(0, 100);
  const lines = [
    `Playbook: ${incident.playbook} (${incident.dryRun ? 'dry run: nothing was changed' : 'enforced'})`,
    `Finding: ${incident.findingId}${incident.findingType ? ` (${incident.findingType})` : ''} from ${incident.source}`,
    `Target: ${targetName(incident)} in ${incident.accountId} / ${incident.region}`,
    `Incident: ${incident.incidentId}, run ${incident.runId}, started ${incident.startedAt}`,
    '',
  ];
  for (const result of Object.values(steps)) {
    if (result === null || typeof result !== 'object' || !Array.isArray(result.actions)) continue;
    lines.push(`${result.step}: ${result.status}`);
    for (const a of result.actions) {
      lines.push(`  - ${a.status} ${a.action} ${a.target}${a.detail ? ` (${a.detail})` : ''}`);
    }
  }
  if (error !== undefined) {
    lines.push('', `Error: ${error.Error ?? 'unknown'}: ${(error.Cause ?? '').slice(0, 2000)}`);
  }
  return { subject, message: lines.join('\n').slice(0, 200_000) };
}
