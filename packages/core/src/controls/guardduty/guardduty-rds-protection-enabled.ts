import { GuardDutyStatusFact } from '../../facts/index.js';
import { defineControl } from '../../model/control.js';
import { protectionPlanVerdict } from './protection-plan.js';

export const guarddutyRdsProtectionEnabled = defineControl({
  id: 'guardduty-rds-protection-enabled',
  title: 'GuardDuty RDS Protection is enabled',
  description:
    'Checks whether the GuardDuty detector of the account and region has RDS Protection (feature RDS_LOGIN_EVENTS) enabled, so GuardDuty analyses login activity on Aurora and RDS databases.',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'GuardDuty analyses database login activity on Aurora and RDS.',
  },
  references: { awsConfigRules: ['guardduty-rds-protection-enabled'], securityHub: ['GuardDuty.9'] },
  trigger: 'periodic',
  needs: [GuardDutyStatusFact.type],
  remediation: {
    text: 'Enable RDS Protection on the detector (guardduty:UpdateDetector with feature RDS_LOGIN_EVENTS, or organization auto-enable).',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html',
  },
  evaluate: (item, ctx) => protectionPlanVerdict(item, ctx, { label: 'RDS Protection', feature: 'RDS_LOGIN_EVENTS' }),
});
