import { attestationControl } from './attestation.js';

export const attestationForensicCapabilities = attestationControl({
  id: 'attestation-forensic-capabilities',
  bestPractice: 'SEC10-BP03',
  title: 'Forensic capabilities are prepared: accounts, tooling and procedures (attested)',
  description:
    'Checks whether a current attestation links the forensic preparation for the workload: a forensics account, evidence capture procedures and tooling.',
  area: 'incident-response',
  severity: 'MEDIUM',
  rationale: 'Forensic readiness is procedures and trained people as much as resources; its owner attests it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Prepare a forensics account, evidence capture (memory, disk, logs) and procedures, and attest them with a link.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_incident_response_prepare_forensic.html',
  },
});
