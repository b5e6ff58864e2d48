import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { isTerminated } from './instance.js';
import type { ComputeInstanceConfiguration } from './instance-compute.js';

const DAY_MS = 86_400_000;

/** The time in `stateTransitionReason`, such as "User initiated (2026-10-01 12:34:56 GMT)". */
function stateTransitionTime(reason: string | null | undefined): Date | undefined {
  const match = /\((\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(GMT|UTC|Z)?\)/.exec(reason ?? '');
  if (match === null) return undefined;
  const date = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const ec2StoppedInstance = defineControl({
  id: 'ec2-stopped-instance',
  title: 'EC2 instances are not left stopped for longer than allowed',
  description:
    'Checks whether EC2 instances have been stopped for more than AllowedDays (default 30), counted from the time in stateTransitionReason. A stopped instance whose stop time cannot be determined is non-compliant, as the managed rule has it.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::Instance'],
  wellArchitected: ['SEC06-BP01'],
  rationale: {
    'SEC06-BP01': 'Long-stopped instances miss patches and scans and come back vulnerable when started.',
  },
  references: { awsConfigRules: ['ec2-stopped-instance'], securityHub: ['EC2.4'] },
  trigger: 'periodic',
  parameters: z.strictObject({ AllowedDays: param.int(30, { min: 0 }) }),
  remediation: {
    text: 'Terminate instances that are no longer needed (keep an AMI or snapshot if required); stopped instances miss patches and keep their volumes and permissions around.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html',
  },
  evaluate(item, ctx) {
    const instance = item.config<ComputeInstanceConfiguration>();
    if (isTerminated(instance)) return notApplicable(`Instance ${item.resourceId} is terminated.`);
    const state = instance.state?.name ?? 'unknown';
    if (state !== 'stopped') return compliant(`Instance ${item.resourceId} is ${state}.`);
    const days = ctx.params.AllowedDays;
    const since = stateTransitionTime(instance.stateTransitionReason);
    if (since === undefined) {
      return nonCompliant(`Instance ${item.resourceId} is stopped and the time it stopped cannot be determined.`);
    }
    const stoppedDays = Math.floor((ctx.now.getTime() - since.getTime()) / DAY_MS);
    if (ctx.now.getTime() - since.getTime() > days * DAY_MS) {
      return nonCompliant(
        `Instance ${item.resourceId} has been stopped since ${since.toISOString()} (${stoppedDays} days, more than ${days}).`,
      );
    }
    return compliant(
      `Instance ${item.resourceId} has been stopped since ${since.toISOString()} (${stoppedDays} days).`,
    );
  },
});
