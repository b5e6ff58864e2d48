import { attestationControl } from './attestation.js';

export const attestationProgrammaticDeployment = attestationControl({
  id: 'attestation-programmatic-deployment',
  bestPractice: 'SEC11-BP06',
  title: 'Software is deployed programmatically through pipelines, not by hand (attested)',
  description:
    'Checks whether a current attestation links the deployment pipeline of the workload and confirms that production changes go through it.',
  area: 'infrastructure',
  severity: 'HIGH',
  rationale: 'Whether people also deploy by hand cannot be told from the resources the pipeline creates.',
  reviewPeriodDays: 365,
  remediation: {
    text: 'Deploy through a pipeline with infrastructure as code, remove manual deployment permissions, and attest it.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_appsec_deploy_software_programmatically.html',
  },
});
