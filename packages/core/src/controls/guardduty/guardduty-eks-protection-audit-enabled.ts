import { GuardDutyStatusFact } from '../../facts/index.js';
import { defineControl } from '../../model/control.js';
import { protectionPlanVerdict } from './protection-plan.js';

export const guarddutyEksProtectionAuditEnabled = defineControl({
  id: 'guardduty-eks-protection-audit-enabled',
  title: 'GuardDuty EKS Audit Log Monitoring is enabled',
  description:
    'Checks whether the GuardDuty detector of the account and region has EKS Audit Log Monitoring (feature EKS_AUDIT_LOGS) enabled, so GuardDuty analyses Kubernetes audit logs of EKS clusters.',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'GuardDuty analyses EKS audit logs, extending threat detection to Kubernetes control-plane activity.',
  },
  references: { awsConfigRules: ['guardduty-eks-protection-audit-enabled'], securityHub: ['GuardDuty.5'] },
  trigger: 'periodic',
  needs: [GuardDutyStatusFact.type],
  remediation: {
    text: 'Enable EKS Audit Log Monitoring on the detector (guardduty:UpdateDetector with feature EKS_AUDIT_LOGS, or organization auto-enable).',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html',
  },
  evaluate: (item, ctx) =>
    protectionPlanVerdict(item, ctx, { label: 'EKS Audit Log Monitoring', feature: 'EKS_AUDIT_LOGS' }),
});
