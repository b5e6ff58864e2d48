import { attestationControl } from './attestation.js';

export const attestationDataProtectionBySensitivity = attestationControl({
  id: 'attestation-data-protection-by-sensitivity',
  bestPractice: 'SEC07-BP02',
  title: 'Protection controls are chosen per data classification (attested)',
  description:
    'Checks whether a current attestation links the mapping from each data class to its protection controls (encryption, access, isolation, retention).',
  area: 'data-protection',
  severity: 'HIGH',
  rationale:
    'Encryption checks show controls are on, not that each data class got the controls its sensitivity requires.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Map each data class to the controls it requires, apply them, and attest the mapping with a link.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_data_classification_define_protection.html',
  },
});
