import { attestationControl } from './attestation.js';

export const attestationSecurityServicesReview = attestationControl({
  id: 'attestation-security-services-review',
  bestPractice: 'SEC01-BP08',
  title: 'New AWS security services and features are evaluated regularly (attested)',
  description:
    'Checks whether a current attestation records the last review of new AWS and partner security services and features for the workload, with a link to its outcome.',
  area: 'detection',
  severity: 'LOW',
  rationale:
    'Evaluating new security services is a recurring review by people; its outcome lives in their notes, not in AWS configuration.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Review new AWS security services and features on a schedule (for example after re:Invent), record what you adopt, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_securely_operate_implement_services_features.html',
  },
});
