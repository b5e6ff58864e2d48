import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';
import { secretName } from './secret-activity.js';

const AWS_MANAGED_KEY = /(^|:)alias\/aws\/secretsmanager$/;

export const secretsmanagerUsingCmk = defineControl({
  id: 'secretsmanager-using-cmk',
  title: 'Secrets Manager secrets are encrypted with a customer managed KMS key',
  description:
    'Checks whether an AWS Secrets Manager secret is encrypted with a customer managed KMS key rather than the AWS managed key aws/secretsmanager (KMSKeyId empty). With kmsKeyArns set, the key must be one of them.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  wellArchitected: ['SEC02-BP03', 'SEC08-BP01'],
  rationale: {
    'SEC02-BP03': 'Reading a secret also needs permission on a customer managed key.',
    'SEC08-BP01': 'Secrets are encrypted with customer managed KMS keys whose policies the account controls.',
  },
  references: { awsConfigRules: ['secretsmanager-using-cmk'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyArns: param.csv() }),
  remediation: {
    text: 'Change the secret encryption key to a customer managed KMS key whose key policy limits use to the roles that read the secret; Secrets Manager re-encrypts the current versions.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html',
  },
  evaluate(item, ctx) {
    const name = secretName(item);
    const key = item.configuration['KMSKeyId'];
    if (typeof key !== 'string' || key === '' || AWS_MANAGED_KEY.test(key)) {
      return nonCompliant(`Secret ${name} is encrypted with the AWS managed key aws/secretsmanager.`);
    }
    const allowed = ctx.params.kmsKeyArns;
    if (allowed.length > 0 && !keyMatches(key, allowed)) {
      return nonCompliant(`Secret ${name} is encrypted with KMS key ${key}, which is not in kmsKeyArns.`);
    }
    return compliant(`Secret ${name} is encrypted with customer managed KMS key ${key}.`);
  },
});
