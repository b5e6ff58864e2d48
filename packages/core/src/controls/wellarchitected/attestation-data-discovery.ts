import { attestationControl } from './attestation.js';

export const attestationDataDiscovery = attestationControl({
  id: 'attestation-data-discovery',
  bestPractice: 'SEC07-BP03',
  title: 'Sensitive data is identified and classified automatically (attested)',
  description:
    'Checks whether a current attestation links the evidence of automated sensitive-data discovery for the workload (for example Amazon Macie jobs or automated discovery).',
  area: 'data-protection',
  severity: 'MEDIUM',
  rationale: 'Rampart does not read Macie yet; the discovery setup and its results are attested by their owner.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Turn on automated sensitive data discovery (for example Amazon Macie), review its findings, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_data_classification_auto_classification.html',
  },
});
