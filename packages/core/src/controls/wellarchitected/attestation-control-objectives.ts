import { attestationControl } from './attestation.js';

export const attestationControlObjectives = attestationControl({
  id: 'attestation-control-objectives',
  bestPractice: 'SEC01-BP03',
  title: 'Control objectives are derived from compliance requirements and threats, and validated (attested)',
  description:
    'Checks whether a current attestation names who derived the control objectives of the workload from its compliance requirements and threat model, and links the evidence that they were validated.',
  area: 'detection',
  severity: 'HIGH',
  rationale:
    'Which objectives apply and whether the controls meet them is a judgment made by people; AWS exposes no record of it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Document the control objectives, the controls that meet them and how they are validated, and attest it with a link to that record.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_securely_operate_control_objectives.html',
  },
});
