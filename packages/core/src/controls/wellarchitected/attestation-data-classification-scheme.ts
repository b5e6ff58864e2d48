import { attestationControl } from './attestation.js';

export const attestationDataClassificationScheme = attestationControl({
  id: 'attestation-data-classification-scheme',
  bestPractice: 'SEC07-BP01',
  title: 'The data classification scheme and data owners are defined (attested)',
  description:
    'Checks whether a current attestation links the data classification scheme of the workload, where each class is stored and who owns it.',
  area: 'data-protection',
  severity: 'HIGH',
  rationale:
    'A classification scheme and its owners are an organizational decision; tags can apply it but not define it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Define the data classification scheme, its handling requirements and data owners, and attest it with a link.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_data_classification_identify_data.html',
  },
});
