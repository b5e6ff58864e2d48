import * as z from 'zod';
import { type CloudTrailTrail, CloudTrailTrailsFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

export const multiRegionCloudtrailEnabled = defineControl({
  id: 'multi-region-cloudtrail-enabled',
  title: 'At least one logging multi-region CloudTrail trail records all management events',
  description:
    'Checks whether at least one multi-region CloudTrail trail is logging and records read and write management events without excluded event sources; optional parameters pin its bucket, topic, log group and read/write type.',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'A logging multi-region trail records read and write management events in every region.',
  },
  references: { awsConfigRules: ['multi-region-cloudtrail-enabled'], securityHub: ['CloudTrail.1'], cis: ['3.1'] },
  trigger: 'periodic',
  needs: [CloudTrailTrailsFact.type],
  parameters: z.strictObject({
    s3BucketName: z.string().optional(),
    snsTopicArn: z.string().optional(),
    cloudWatchLogsLogGroupArn: z.string().optional(),
    includeManagementEvents: param.bool(true),
    readWriteType: z.enum(['ALL', 'READ_ONLY', 'WRITE_ONLY']).default('ALL'),
  }),
  remediation: {
    text: 'Create a multi-region trail (an organization trail in an organization) that logs all read and write management events, and keep it logging.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  },
  evaluate(item, ctx) {
    const { trails } = ctx.require(CloudTrailTrailsFact);
    const p = ctx.params;
    const wantedRw = { ALL: 'All', READ_ONLY: 'ReadOnly', WRITE_ONLY: 'WriteOnly' }[p.readWriteType];
    const reasons: string[] = [];
    const ok = (t: CloudTrailTrail): boolean => {
      const why: string[] = [];
      if (!t.isMultiRegionTrail) why.push('is not multi-region');
      if (!t.isLogging) why.push('is not logging');
      if (p.s3BucketName !== undefined && t.s3BucketName !== p.s3BucketName)
        why.push(`delivers to bucket ${t.s3BucketName ?? 'none'}`);
      if (p.cloudWatchLogsLogGroupArn !== undefined && t.cloudWatchLogsLogGroupArn !== p.cloudWatchLogsLogGroupArn) {
        why.push('sends to another CloudWatch Logs group');
      }
      const mgmt = managementEvents(t);
      if (p.includeManagementEvents && !mgmt.included) why.push('does not record management events');
      if (mgmt.excludedSources.length > 0)
        why.push(`excludes management events from ${mgmt.excludedSources.join(', ')}`);
      if (
        p.includeManagementEvents &&
        mgmt.included &&
        !mgmt.readWriteTypes.includes(wantedRw) &&
        !mgmt.readWriteTypes.includes('All')
      ) {
        why.push(`records ${mgmt.readWriteTypes.join('/')} management events, not ${wantedRw}`);
      }
      if (why.length > 0) reasons.push(`${t.name} ${why.join(', ')}`);
      return why.length === 0;
    };
    const good = trails.filter(ok);
    if (good.length > 0)
      return compliant(`Trail ${good[0]!.name} is a logging multi-region trail recording management events.`);
    if (trails.length === 0)
      return nonCompliant(`Account ${item.accountId} has no CloudTrail trail covering ${ctx.region}.`);
    return nonCompliant(`No trail qualifies: ${reasons.join('; ')}.`);
  },
});

/** Management-event coverage from basic or advanced event selectors (a trail has one kind or the other). */
function managementEvents(trail: CloudTrailTrail): {
  included: boolean;
  readWriteTypes: string[];
  excludedSources: string[];
} {
  if (trail.advancedEventSelectors.length > 0) {
    const types = new Set<string>();
    const excluded: string[] = [];
    for (const sel of trail.advancedEventSelectors) {
      const category = sel.fieldSelectors.find((f) => f.field === 'eventCategory');
      if (!category?.equals?.includes('Management')) continue;
      const ro = sel.fieldSelectors.find((f) => f.field === 'readOnly');
      if (ro?.equals?.includes('true')) types.add('ReadOnly');
      else if (ro?.equals?.includes('false')) types.add('WriteOnly');
      else types.add('All');
      for (const f of sel.fieldSelectors) if (f.field === 'eventSource' && f.notEquals) excluded.push(...f.notEquals);
    }
    const readWriteTypes = types.has('ReadOnly') && types.has('WriteOnly') ? ['All'] : [...types];
    return { included: types.size > 0, readWriteTypes, excludedSources: excluded };
  }
  // A trail without selectors records all management events (CloudTrail's default selector).
  if (trail.eventSelectors.length === 0) return { included: true, readWriteTypes: ['All'], excludedSources: [] };
  const mgmt = trail.eventSelectors.filter((s) => s.includeManagementEvents !== false);
  return {
    included: mgmt.length > 0,
    readWriteTypes: [...new Set(mgmt.map((s) => s.readWriteType ?? 'All'))],
    excludedSources: mgmt.flatMap((s) => s.excludeManagementEventSources ?? []),
  };
}
