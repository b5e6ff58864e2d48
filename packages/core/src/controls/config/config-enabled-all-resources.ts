import * as z from 'zod';
import { type ConfigRecorder, ConfigRecordersFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

const SERVICE_LINKED_ROLE =
  /^arn:aws[a-z-]*:iam::\d{12}:role\/aws-service-role\/config\.amazonaws\.com\/AWSServiceRoleForConfig$/;

/** Whether the recording group covers every supported resource type, and what it leaves out otherwise. */
function coverage(recorder: ConfigRecorder): string | undefined {
  const group = recorder.recordingGroup;
  if (group === null || group === undefined) return 'has no recording group';
  const strategy = group.recordingStrategy?.useOnly;
  const excluded = group.exclusionByResourceTypes?.resourceTypes ?? [];
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES' || excluded.length > 0) {
    return `excludes ${excluded.length > 0 ? excluded.join(', ') : 'resource types'}`;
  }
  if (group.allSupported || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES') return undefined;
  return `records only ${group.resourceTypes.length} selected resource types`;
}

export const configEnabledAllResources = defineControl({
  id: 'config-enabled-all-resources',
  title: 'AWS Config records all supported resource types in every region',
  description:
    'Checks whether a customer AWS Config recorder in the region is recording, its last status is not Failure, it records all supported resource types without exclusions and (by default) uses the AWS Config service-linked role; optionally, that it records global IAM resource types in one region.',
  area: 'detection',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01', 'SEC04-BP04'],
  rationale: {
    'SEC04-BP01':
      'AWS Config records the configuration history of every supported resource type, a service log investigations rely on.',
    'SEC04-BP04':
      'Config recording is what Config rules and their remediations act on; without it non-compliance goes unseen.',
  },
  references: { securityHub: ['Config.1'], cis: ['3.3'] },
  trigger: 'periodic',
  needs: [ConfigRecordersFact.type],
  parameters: z.strictObject({
    includeConfigServiceLinkedRoleCheck: param.bool(true),
    /** The region whose recorder must also record global resource types (IAM); unset: not checked. */
    globalResourceTypesRegion: z.string().trim().optional(),
  }),
  remediation: {
    text: 'Set up AWS Config in every region you use with a recorder that records all supported resource types (global ones in one region) and the AWS Config service-linked role, and keep it recording.',
    url: 'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
  },
  evaluate(item, ctx) {
    const { recorders } = ctx.require(ConfigRecordersFact);
    // Service-linked recorders belong to other services and record only what those need.
    const own = recorders.filter((r) => !r.servicePrincipal);
    if (own.length === 0) {
      return nonCompliant(`AWS Config has no configuration recorder in account ${item.accountId} in ${ctx.region}.`);
    }
    const p = ctx.params;
    const problems: string[] = [];
    for (const recorder of own) {
      const why: string[] = [];
      if (recorder.status?.recording !== true) why.push('is not recording');
      else if (recorder.status.lastStatus === 'Failure') {
        why.push(`last failed${recorder.status.lastErrorCode ? ` with ${recorder.status.lastErrorCode}` : ''}`);
      }
      const gap = coverage(recorder);
      if (gap !== undefined) why.push(gap);
      if (p.globalResourceTypesRegion === ctx.region && recorder.recordingGroup?.includeGlobalResourceTypes !== true) {
        why.push('does not record global resource types');
      }
      if (p.includeConfigServiceLinkedRoleCheck && !SERVICE_LINKED_ROLE.test(recorder.roleArn ?? '')) {
        why.push(`uses role ${recorder.roleArn ?? '(none)'} instead of the AWS Config service-linked role`);
      }
      if (why.length === 0) {
        return compliant(`AWS Config recorder ${recorder.name} records all supported resource types in ${ctx.region}.`);
      }
      problems.push(`${recorder.name} ${why.join(', ')}`);
    }
    return nonCompliant(`AWS Config in ${ctx.region} does not record all resources: recorder ${problems.join('; ')}.`);
  },
});
