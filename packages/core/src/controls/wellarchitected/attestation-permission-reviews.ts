import { attestationControl } from './attestation.js';

export const attestationPermissionReviews = attestationControl({
  id: 'attestation-permission-reviews',
  bestPractice: 'SEC03-BP04',
  title: 'Permissions are reviewed and unused ones removed on a schedule (attested)',
  description:
    'Checks whether a current attestation links the last review of identities and permissions (for example from IAM Access Analyzer unused-access findings) and what was removed.',
  area: 'iam',
  severity: 'MEDIUM',
  rationale: 'Rampart does not yet read unused-access findings; the review and its removals are what people attest.',
  reviewPeriodDays: 90,
  remediation: {
    text: 'Review unused identities and permissions on a schedule (IAM Access Analyzer unused access, last-accessed data), remove them, and attest the review.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_permissions_continuous_reduction.html',
  },
});
