import { attestationControl } from './attestation.js';

export const attestationIncidentLessonsLearned = attestationControl({
  id: 'attestation-incident-lessons-learned',
  bestPractice: 'SEC10-BP08',
  title: 'A lessons-learned framework follows incidents and simulations (attested)',
  description:
    'Checks whether a current attestation links the lessons-learned process (post-incident reviews, root cause analysis, tracked actions) and its latest output.',
  area: 'incident-response',
  severity: 'MEDIUM',
  rationale: "Post-incident reviews and their actions live in people's records, not in AWS configuration.",
  reviewPeriodDays: 365,
  remediation: {
    text: 'Hold a post-incident review after every incident and simulation, track the resulting actions, and attest the process.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_incident_response_establish_incident_framework.html',
  },
});
