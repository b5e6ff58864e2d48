import { attestationControl } from './attestation.js';

export const attestationSecurityManagementScope = attestationControl({
  id: 'attestation-security-management-scope',
  bestPractice: 'SEC01-BP05',
  title: 'Managed services were evaluated to reduce the security management scope (attested)',
  description:
    'Checks whether a current attestation records that the workload team evaluated managed AWS services that take over patching, provisioning or backups, with a link to the decision.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  rationale:
    'Whether self-managed components were weighed against managed services is a design decision, visible only in its record.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Review the self-managed components of the workload against managed AWS services, record the decision, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_securely_operate_reduce_management_scope.html',
  },
});
