import { attestationControl } from './attestation.js';

export const attestationIncidentResponsePlan = attestationControl({
  id: 'attestation-incident-response-plan',
  bestPractice: 'SEC10-BP02',
  title: 'An incident response plan exists and is current (attested)',
  description:
    'Checks whether a current attestation links the incident response plan (roles, communication, escalation, phases) and names its owner.',
  area: 'incident-response',
  severity: 'HIGH',
  rationale: 'An incident response plan is a document people own; nothing in AWS configuration shows it exists.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Write the incident response plan, review it at least yearly and after incidents, and attest it with a link.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_incident_response_develop_management_plans.html',
  },
});
