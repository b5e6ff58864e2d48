import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type TrailConfiguration, trailName } from './trail-configuration.js';

export const cloudTrailEncryptionEnabled = defineControl({
  id: 'cloud-trail-encryption-enabled',
  title: 'CloudTrail trails encrypt log files with a KMS key (SSE-KMS)',
  description:
    'Checks whether an AWS CloudTrail trail is configured to encrypt its log files with server-side encryption using an AWS KMS key (SSE-KMS), that is whether the trail has a KmsKeyId.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  wellArchitected: ['SEC04-BP01', 'SEC08-BP02'],
  rationale: {
    'SEC04-BP01': 'Protecting the trail log files with a KMS key is part of securing the logs the BP asks you to keep.',
    'SEC08-BP02': 'Trail log files at rest in S3 are encrypted with a KMS key (SSE-KMS).',
  },
  references: { awsConfigRules: ['cloud-trail-encryption-enabled'], securityHub: ['CloudTrail.2'], cis: ['3.5'] },
  trigger: 'change',
  remediation: {
    text: 'Configure the trail to use SSE-KMS with a customer managed key whose policy lets CloudTrail encrypt and only log readers decrypt.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  },
  evaluate(item) {
    const trail = item.config<TrailConfiguration>();
    const name = trailName(item);
    if (typeof trail.kmsKeyId === 'string' && trail.kmsKeyId !== '') {
      return compliant(`Trail ${name} encrypts log files with KMS key ${trail.kmsKeyId}.`);
    }
    return nonCompliant(`Trail ${name} does not encrypt log files with a KMS key (SSE-KMS).`);
  },
});
