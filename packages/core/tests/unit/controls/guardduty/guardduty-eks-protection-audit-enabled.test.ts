import { describe } from 'vitest';
import { guarddutyEksProtectionAuditEnabled as control } from '../../../../src/controls/guardduty/guardduty-eks-protection-audit-enabled.js';
import { protectionPlanCases } from './protection-plan-cases.js';

describe('guardduty-eks-protection-audit-enabled', () => {
  protectionPlanCases(control, 'EKS_AUDIT_LOGS', 'EKS Audit Log Monitoring');
});
