import { attestationControl } from './attestation.js';

export const attestationPackageRepositories = attestationControl({
  id: 'attestation-package-repositories',
  bestPractice: 'SEC11-BP05',
  title: 'Packages and dependencies come from centralized, vetted repositories (attested)',
  description:
    'Checks whether a current attestation links the evidence that builds obtain packages through a central repository (for example AWS CodeArtifact) that validates them.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  rationale: 'Where builds fetch dependencies from is build configuration that AWS Config does not record.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Route package downloads through a central repository (for example CodeArtifact with upstream controls), and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_appsec_centralize_services_for_packages_and_dependencies.html',
  },
});
