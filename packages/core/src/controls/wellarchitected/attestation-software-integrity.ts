import { attestationControl } from './attestation.js';

export const attestationSoftwareIntegrity = attestationControl({
  id: 'attestation-software-integrity',
  bestPractice: 'SEC06-BP04',
  title: 'Software artifacts and images are signed and their signatures verified (attested)',
  description:
    'Checks whether a current attestation links the evidence that the software and images the workload runs are cryptographically signed and verified before deployment.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  rationale: 'Signature verification happens in build and deploy tooling that AWS Config does not record.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Sign artifacts and images (AWS Signer, Notation, Lambda code signing), verify signatures at deployment, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_protect_compute_validate_software_integrity.html',
  },
});
