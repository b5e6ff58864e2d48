import * as z from 'zod';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';
import { type LogGroupConfiguration, logGroupName } from './log-group-configuration.js';

export const cloudwatchLogGroupEncrypted = defineControl({
  id: 'cloudwatch-log-group-encrypted',
  title: 'CloudWatch Logs log groups are encrypted with a KMS key',
  description:
    'Checks whether an Amazon CloudWatch Logs log group is encrypted with an AWS KMS key. With KmsKeyId set, the log group must be encrypted with that key.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Logs::LogGroup'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Log events at rest are encrypted with a customer managed KMS key.',
  },
  references: { awsConfigRules: ['cloudwatch-log-group-encrypted'] },
  // AWS Config does not record log groups: only a periodic run, which lists them, sees them.
  trigger: 'periodic',
  parameters: z.strictObject({ KmsKeyId: z.string().min(1).optional() }),
  remediation: {
    text: 'Associate a customer managed KMS key with the log group (logs:AssociateKmsKey); the key policy must allow the CloudWatch Logs service principal of the region.',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  },
  evaluate(item, ctx) {
    const group = item.config<LogGroupConfiguration>();
    const name = logGroupName(item);
    const key = group.kmsKeyId;
    if (typeof key !== 'string' || key === '')
      return nonCompliant(`Log group ${name} is not encrypted with a KMS key.`);
    const wanted = ctx.params.KmsKeyId;
    if (wanted !== undefined && !keyMatches(key, [wanted])) {
      return nonCompliant(`Log group ${name} is encrypted with KMS key ${key}, not ${wanted}.`);
    }
    return compliant(`Log group ${name} is encrypted with KMS key ${key}.`);
  },
});
