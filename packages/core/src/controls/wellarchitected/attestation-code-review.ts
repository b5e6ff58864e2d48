import { attestationControl } from './attestation.js';

export const attestationCodeReview = attestationControl({
  id: 'attestation-code-review',
  bestPractice: 'SEC11-BP04',
  title: 'Code changes are reviewed by someone other than the author (attested)',
  description:
    'Checks whether a current attestation links the evidence that code changes are reviewed before merge (branch protection, review policy).',
  area: 'infrastructure',
  severity: 'MEDIUM',
  rationale: 'Code review happens in the source repository, outside AWS configuration.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Require reviews by someone other than the author before merge (branch protection), and attest it with a link.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_appsec_manual_code_reviews.html',
  },
});
