import { attestationControl } from './attestation.js';

export const attestationEmergencyAccess = attestationControl({
  id: 'attestation-emergency-access',
  bestPractice: 'SEC03-BP03',
  title: 'An emergency (break-glass) access process exists and was tested (attested)',
  description:
    'Checks whether a current attestation links the emergency access process for an identity provider outage and the record of its last test.',
  area: 'iam',
  severity: 'MEDIUM',
  rationale:
    'A break-glass process is a documented and rehearsed procedure; the user it relies on looks like any other IAM user.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Document the emergency access process, keep its credentials protected and monitored, test it, and attest the last test.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_permissions_emergency_process.html',
  },
});
