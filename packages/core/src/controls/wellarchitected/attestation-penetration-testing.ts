import { attestationControl } from './attestation.js';

export const attestationPenetrationTesting = attestationControl({
  id: 'attestation-penetration-testing',
  bestPractice: 'SEC11-BP03',
  title: 'The workload is penetration tested regularly (attested)',
  description:
    'Checks whether a current attestation links the report of the last penetration test of the workload and names who owns the findings.',
  area: 'infrastructure',
  severity: 'HIGH',
  rationale: 'A penetration test is an engagement with a report; AWS has no record of it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Have the workload penetration tested at least yearly and after major changes, track the findings, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_appsec_perform_regular_penetration_testing.html',
  },
});
