import { attestationControl } from './attestation.js';

export const attestationAppsecTraining = attestationControl({
  id: 'attestation-appsec-training',
  bestPractice: 'SEC11-BP01',
  title: 'Builders are trained in application security (attested)',
  description:
    'Checks whether a current attestation links the record of application security training (secure coding, threat modeling) for the workload team.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  rationale: 'Training is a fact about people; only its record and owner can evidence it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Provide application security training to the team, keep the completion record, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_appsec_train_for_application_security.html',
  },
});
