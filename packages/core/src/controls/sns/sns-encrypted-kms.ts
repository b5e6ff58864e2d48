import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';

interface TopicConfiguration {
  TopicArn: string;
  KmsMasterKeyId: string | null;
}

export const snsEncryptedKms = defineControl({
  id: 'sns-encrypted-kms',
  title: 'SNS topics are encrypted at rest with a KMS key',
  description:
    'Checks whether an Amazon SNS topic is encrypted with an AWS KMS key (KmsMasterKeyId). With kmsKeyIds set (key ids, key ARNs, alias names or alias ARNs), the topic must use one of those keys.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SNS::Topic'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Messages at rest in the topic are encrypted with a KMS key.',
  },
  references: { awsConfigRules: ['sns-encrypted-kms'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyIds: param.csv() }),
  remediation: {
    text: 'Enable server-side encryption on the topic with a KMS key (preferably customer managed) whose policy lets the publishing services use it.',
    url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-enable-encryption-for-topic.html',
  },
  evaluate(item, ctx) {
    const topic = item.config<TopicConfiguration>();
    const name = item.resourceName ?? (topic.TopicArn ?? item.resourceId).split(':').pop();
    const key = topic.KmsMasterKeyId;
    if (typeof key !== 'string' || key === '')
      return nonCompliant(`SNS topic ${name} is not encrypted with a KMS key.`);
    const wanted = ctx.params.kmsKeyIds;
    if (wanted.length > 0 && !keyMatches(key, wanted)) {
      return nonCompliant(`SNS topic ${name} is encrypted with KMS key ${key}, which is not in kmsKeyIds.`);
    }
    return compliant(`SNS topic ${name} is encrypted with KMS key ${key}.`);
  },
});
