import { GuardDutyStatusFact } from '../../facts/index.js';
import { defineControl } from '../../model/control.js';
import { protectionPlanVerdict } from './protection-plan.js';

export const guarddutyS3ProtectionEnabled = defineControl({
  id: 'guardduty-s3-protection-enabled',
  title: 'GuardDuty S3 Protection is enabled',
  description:
    'Checks whether the GuardDuty detector of the account and region has S3 Protection (feature S3_DATA_EVENTS) enabled, so GuardDuty analyses S3 data events for threats to buckets.',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'GuardDuty analyses S3 data events for threats to buckets.',
  },
  references: { awsConfigRules: ['guardduty-s3-protection-enabled'], securityHub: ['GuardDuty.10'] },
  trigger: 'periodic',
  needs: [GuardDutyStatusFact.type],
  remediation: {
    text: 'Enable S3 Protection on the detector (guardduty:UpdateDetector with feature S3_DATA_EVENTS, or organization auto-enable from the delegated administrator).',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html',
  },
  evaluate: (item, ctx) => protectionPlanVerdict(item, ctx, { label: 'S3 Protection', feature: 'S3_DATA_EVENTS' }),
});
