import type { Incident } from '../../incident.js';
import type { StepContext, StepResult } from '../../step.js';

export type AccessKeyTarget = Extract<Incident['target'], { type: 'access-key' }>;

export function accessKeyTarget(ctx: StepContext): AccessKeyTarget {
  if (ctx.incident.target.type !== 'access-key') throw new Error(`${ctx.step} acts on access keys only`);
  return ctx.incident.target;
}

/** Temporary keys (ASIA…) belong to a role session: they cannot be deactivated, only their sessions revoked. */
export function isTemporary(target: AccessKeyTarget): boolean {
  return target.accessKeyId.startsWith('ASIA');
}

/** The IAM user of the key: from the finding, or as GetAccessKeyLastUsed reported it in record-key-last-use. */
export function userNameOf(ctx: StepContext): string | undefined {
  const target = accessKeyTarget(ctx);
  if (target.userName !== undefined) return target.userName;
  const recorded = (ctx.state.steps?.['recordKeyLastUse'] as StepResult | undefined)?.data?.['userName'];
  return typeof recorded === 'string' ? recorded : undefined;
}
