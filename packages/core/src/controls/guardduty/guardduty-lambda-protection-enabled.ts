import { GuardDutyStatusFact } from '../../facts/index.js';
import { defineControl } from '../../model/control.js';
import { protectionPlanVerdict } from './protection-plan.js';

export const guarddutyLambdaProtectionEnabled = defineControl({
  id: 'guardduty-lambda-protection-enabled',
  title: 'GuardDuty Lambda Protection is enabled',
  description:
    'Checks whether the GuardDuty detector of the account and region has Lambda Protection (feature LAMBDA_NETWORK_LOGS) enabled, so GuardDuty monitors the network activity of Lambda functions.',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01', 'SEC06-BP05'],
  rationale: {
    'SEC04-BP01': 'GuardDuty monitors the network activity of Lambda functions.',
    'SEC06-BP05': 'Threat detection covers serverless compute automatically, with no agent to install.',
  },
  references: { awsConfigRules: ['guardduty-lambda-protection-enabled'], securityHub: ['GuardDuty.6'] },
  trigger: 'periodic',
  needs: [GuardDutyStatusFact.type],
  remediation: {
    text: 'Enable Lambda Protection on the detector (guardduty:UpdateDetector with feature LAMBDA_NETWORK_LOGS, or organization auto-enable).',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html',
  },
  evaluate: (item, ctx) =>
    protectionPlanVerdict(item, ctx, { label: 'Lambda Protection', feature: 'LAMBDA_NETWORK_LOGS' }),
});
