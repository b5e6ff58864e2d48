import { type CloudTrailTrail, CloudTrailTrailsFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { managementEvents } from './trail-events.js';

/** Why a trail falls short of the security trail's criteria (empty when it meets them all). */
function shortfalls(trail: CloudTrailTrail): string[] {
  const why: string[] = [];
  if (!trail.isMultiRegionTrail) why.push('is not multi-region');
  if (!trail.includeGlobalServiceEvents) why.push('does not record global service events');
  if (!trail.logFileValidationEnabled) why.push('has no log file validation');
  if (typeof trail.kmsKeyId !== 'string' || trail.kmsKeyId === '') why.push('is not encrypted with a KMS key');
  const mgmt = managementEvents(trail);
  if (!mgmt.included) why.push('does not record management events');
  else if (!mgmt.readWriteTypes.includes('All')) why.push(`records only ${mgmt.readWriteTypes.join('/')} events`);
  if (mgmt.excludedSources.length > 0) why.push(`excludes management events from ${mgmt.excludedSources.join(', ')}`);
  return why;
}

export const cloudtrailSecurityTrailEnabled = defineControl({
  id: 'cloudtrail-security-trail-enabled',
  title: 'At least one CloudTrail trail follows the security best practices',
  description:
    'Checks whether at least one CloudTrail trail is multi-region, records global service events, has log file validation, is encrypted with a KMS key, and records read and write management events without excluding any event source.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01':
      'One trail logs all regions, global services and all management events with validation and KMS encryption.',
  },
  references: { awsConfigRules: ['cloudtrail-security-trail-enabled'] },
  trigger: 'periodic',
  needs: [CloudTrailTrailsFact.type],
  remediation: {
    text: 'Configure one multi-region trail (an organization trail in an organization) with global service events, log file validation, SSE-KMS and all read and write management events.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html',
  },
  evaluate(item, ctx) {
    const { trails } = ctx.require(CloudTrailTrailsFact);
    if (trails.length === 0) {
      return nonCompliant(`Account ${item.accountId} has no CloudTrail trail covering ${ctx.region}.`);
    }
    const reasons: string[] = [];
    for (const trail of trails) {
      const why = shortfalls(trail);
      if (why.length === 0) return compliant(`Trail ${trail.name} meets the CloudTrail security best practices.`);
      reasons.push(`${trail.name} ${why.join(', ')}`);
    }
    return nonCompliant(`No trail meets the security best practices: ${reasons.join('; ')}.`);
  },
});
