import { attestationControl } from './attestation.js';

export const attestationOrgResourceSharing = attestationControl({
  id: 'attestation-org-resource-sharing',
  bestPractice: 'SEC03-BP08',
  title: 'Resources shared inside the organization are shared through controlled mechanisms (attested)',
  description:
    'Checks whether a current attestation records how resources are shared across accounts of the organization (AWS RAM restricted to the organization, aws:PrincipalOrgID conditions), with a link.',
  area: 'iam',
  severity: 'MEDIUM',
  rationale: 'Rampart has no inventory of AWS RAM shares yet; how sharing is governed is attested by its owner.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Share resources within the organization through AWS RAM with external sharing disabled or aws:PrincipalOrgID conditions, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_permissions_share_securely.html',
  },
});
