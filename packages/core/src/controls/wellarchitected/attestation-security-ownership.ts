import { attestationControl } from './attestation.js';

export const attestationSecurityOwnership = attestationControl({
  id: 'attestation-security-ownership',
  bestPractice: 'SEC11-BP08',
  title: 'Workload teams own security decisions through a security champions program (attested)',
  description:
    'Checks whether a current attestation links the program that embeds security ownership in the workload team (security champions, review responsibilities).',
  area: 'infrastructure',
  severity: 'LOW',
  rationale: 'Ownership and culture are organizational facts; only their owner can attest them.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Name a security champion in each workload team, define their responsibilities, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_appsec_build_program_that_embeds_security_ownership_in_teams.html',
  },
});
