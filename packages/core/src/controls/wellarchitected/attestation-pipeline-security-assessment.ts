import { attestationControl } from './attestation.js';

export const attestationPipelineSecurityAssessment = attestationControl({
  id: 'attestation-pipeline-security-assessment',
  bestPractice: 'SEC11-BP07',
  title: 'The security properties of the pipelines are assessed regularly (attested)',
  description:
    'Checks whether a current attestation links the last security assessment of the build and deployment pipelines (permissions separation, secrets, runners).',
  area: 'infrastructure',
  severity: 'HIGH',
  rationale: 'A pipeline assessment is a review across tools and accounts; its owner attests it.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Assess the pipelines against the Security Pillar (least privilege, separated roles, no long-lived secrets) regularly, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_appsec_regularly_assess_security_properties_of_pipelines.html',
  },
});
