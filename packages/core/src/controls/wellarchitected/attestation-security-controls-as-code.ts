import { attestationControl } from './attestation.js';

export const attestationSecurityControlsAsCode = attestationControl({
  id: 'attestation-security-controls-as-code',
  bestPractice: 'SEC01-BP06',
  title: 'Standard security controls are defined as code and deployed through a pipeline (attested)',
  description:
    'Checks whether a current attestation links the version-controlled infrastructure-as-code and pipeline that deploy the standard security controls (such as the Rampart baseline) to the accounts.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  rationale:
    'Configuration items show deployed controls, not whether they came from version-controlled code through a tested pipeline.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Keep the standard security controls (for example the Rampart baseline) in version control, deploy them from CI/CD, and attest it with a link to the repository.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_securely_operate_automate_security_controls.html',
  },
});
