import { attestationControl } from './attestation.js';

export const attestationIncidentSimulations = attestationControl({
  id: 'attestation-incident-simulations',
  bestPractice: 'SEC10-BP07',
  title: 'Incident response simulations (game days) are run regularly (attested)',
  description:
    'Checks whether a current attestation links the report of the last incident response simulation or game day for the workload.',
  area: 'incident-response',
  severity: 'MEDIUM',
  rationale: 'Whether a game day happened and what it taught is recorded by the people who ran it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Run incident response simulations (tabletop or technical game days) at least yearly, write up the outcome, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_incident_response_run_game_days.html',
  },
});
