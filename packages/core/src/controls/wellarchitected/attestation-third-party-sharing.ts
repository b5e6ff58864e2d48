import { attestationControl } from './attestation.js';

export const attestationThirdPartySharing = attestationControl({
  id: 'attestation-third-party-sharing',
  bestPractice: 'SEC03-BP09',
  title: 'Third-party access uses least-privilege roles with temporary credentials and external IDs (attested)',
  description:
    'Checks whether a current attestation lists the third parties with access to the workload and links the evidence that they use roles with an external ID and least privilege.',
  area: 'iam',
  severity: 'MEDIUM',
  rationale:
    'Which accounts belong to trusted third parties is knowledge people hold; trust policies alone do not say it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Give third parties cross-account roles with an external ID and least privilege, keep a list of them, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_permissions_share_securely_third_party.html',
  },
});
