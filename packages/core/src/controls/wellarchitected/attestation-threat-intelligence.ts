import { attestationControl } from './attestation.js';

export const attestationThreatIntelligence = attestationControl({
  id: 'attestation-threat-intelligence',
  bestPractice: 'SEC01-BP04',
  title: 'The team follows security threats and recommendations and acts on them (attested)',
  description:
    'Checks whether a current attestation names who monitors threat intelligence and AWS security bulletins for the workload, and links the evidence (a review log, tickets).',
  area: 'detection',
  severity: 'HIGH',
  rationale: 'Following threat publications and acting on them is a team habit no AWS API records.',
  reviewPeriodDays: 90,
  remediation: {
    text: 'Assign someone to review threat intelligence and AWS security bulletins on a schedule, record the outcome, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_securely_operate_updated_threats.html',
  },
});
