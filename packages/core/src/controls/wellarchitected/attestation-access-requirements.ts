import { attestationControl } from './attestation.js';

export const attestationAccessRequirements = attestationControl({
  id: 'attestation-access-requirements',
  bestPractice: 'SEC03-BP01',
  title: 'Access requirements are defined for each workload component (attested)',
  description:
    'Checks whether a current attestation links the definition of who or what needs access to each component of the workload, with which identity type and authentication.',
  area: 'iam',
  severity: 'HIGH',
  rationale:
    'Who should have access is a requirement people define; policies show what was granted, not what was intended.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Document who and what needs access to each component, with identity type and authentication method, and attest it with a link.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_permissions_define.html',
  },
});
