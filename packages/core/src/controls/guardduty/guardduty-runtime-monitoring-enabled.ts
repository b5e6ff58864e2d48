import { GuardDutyStatusFact } from '../../facts/index.js';
import { defineControl } from '../../model/control.js';
import { protectionPlanVerdict } from './protection-plan.js';

export const guarddutyRuntimeMonitoringEnabled = defineControl({
  id: 'guardduty-runtime-monitoring-enabled',
  title: 'GuardDuty Runtime Monitoring is enabled',
  description:
    'Checks whether the GuardDuty detector of the account and region has Runtime Monitoring (feature RUNTIME_MONITORING) enabled, so GuardDuty watches operating-system activity on EKS, ECS and EC2 workloads.',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01', 'SEC06-BP05'],
  rationale: {
    'SEC04-BP01': 'GuardDuty watches operating-system activity on EKS, ECS and EC2 workloads.',
    'SEC06-BP05': 'Runtime threat detection is deployed to compute automatically through the managed agent.',
  },
  references: { awsConfigRules: ['guardduty-runtime-monitoring-enabled'], securityHub: ['GuardDuty.11'] },
  trigger: 'periodic',
  needs: [GuardDutyStatusFact.type],
  remediation: {
    text: 'Enable Runtime Monitoring on the detector (feature RUNTIME_MONITORING) and automated agent management for the workloads you run (EKS, ECS on Fargate, EC2).',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
  },
  evaluate: (item, ctx) =>
    protectionPlanVerdict(item, ctx, { label: 'Runtime Monitoring', feature: 'RUNTIME_MONITORING' }),
});
