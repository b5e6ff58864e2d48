import { attestationControl } from './attestation.js';

export const attestationThreatModel = attestationControl({
  id: 'attestation-threat-model',
  bestPractice: 'SEC01-BP07',
  title: 'The workload has a current threat model with prioritized mitigations (attested)',
  description:
    'Checks whether a current attestation links the threat model of the workload (threats, prioritized mitigations) and names who maintains it.',
  area: 'infrastructure',
  severity: 'HIGH',
  rationale:
    'A threat model is a document people write and revisit; only their attestation and its link show it exists and is current.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Write a threat model for the workload (for example with Threat Composer), review it when the design changes, and attest it with a link.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_securely_operate_threat_model.html',
  },
});
