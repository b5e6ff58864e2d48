import * as z from 'zod';
import { SsmParametersFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, notApplicable, param, type Verdict } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';

const PARAMETER_TYPE = 'AWS::SSM::Parameter';
const AWS_MANAGED_KEY = /(^|:)alias\/aws\/ssm$/;

/** Name fragments that mark a parameter as holding a secret (matched case-insensitively). */
const DEFAULT_SECRET_NAME_PATTERNS = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api-key',
  'api_key',
  'private-key',
  'private_key',
  'credential',
];

export const ssmParameterSecretsSecurestringCmk = defineControl({
  id: 'ssm-parameter-secrets-securestring-cmk',
  title: 'Parameter Store secrets are SecureString parameters encrypted with a customer managed key',
  description:
    'Checks whether Parameter Store parameters whose names look like secrets (secretNamePatterns) are SecureString, and whether every SecureString parameter uses a customer managed KMS key, not alias/aws/ssm (with kmsKeyArns set, one of those keys).',
  area: 'data-protection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC02-BP03', 'SEC08-BP01'],
  rationale: {
    'SEC02-BP03': 'Secret-looking parameters are SecureString, never plaintext.',
    'SEC08-BP01': 'SecureString parameters use customer managed KMS keys whose policies limit decryption.',
  },
  trigger: 'periodic',
  needs: [SsmParametersFact.type],
  parameters: z.strictObject({
    secretNamePatterns: param.csv(DEFAULT_SECRET_NAME_PATTERNS),
    kmsKeyArns: param.csv(),
  }),
  remediation: {
    text: 'Recreate secret values as SecureString parameters encrypted with a customer managed KMS key whose key policy limits decryption to the roles that need them, or move them to Secrets Manager.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html',
  },
  evaluate(item, ctx) {
    const { parameters } = ctx.require(SsmParametersFact);
    const patterns = ctx.params.secretNamePatterns.map((p) => p.toLowerCase());
    const looksSecret = (name: string) => patterns.some((p) => name.toLowerCase().includes(p));
    const allowed = ctx.params.kmsKeyArns;
    const verdicts: Verdict[] = [];
    for (const p of parameters) {
      const at = (v: Verdict): Verdict => ({ ...v, resource: { type: PARAMETER_TYPE, id: p.name } });
      if (p.type !== 'SecureString') {
        if (looksSecret(p.name)) {
          verdicts.push(
            at(nonCompliant(`Parameter ${p.name} looks like a secret but is a plaintext ${p.type} parameter.`)),
          );
        }
        continue;
      }
      const key = p.keyId ?? 'alias/aws/ssm';
      if (AWS_MANAGED_KEY.test(key)) {
        verdicts.push(
          at(nonCompliant(`SecureString parameter ${p.name} is encrypted with the AWS managed key alias/aws/ssm.`)),
        );
      } else if (allowed.length > 0 && !keyMatches(key, allowed)) {
        verdicts.push(
          at(
            nonCompliant(
              `SecureString parameter ${p.name} is encrypted with KMS key ${key}, which is not in kmsKeyArns.`,
            ),
          ),
        );
      } else {
        verdicts.push(
          at(compliant(`SecureString parameter ${p.name} is encrypted with customer managed KMS key ${key}.`)),
        );
      }
    }
    if (verdicts.length === 0) {
      return notApplicable(
        `Account ${item.accountId} has no SecureString or secret-named parameters in ${ctx.region}.`,
      );
    }
    return verdicts;
  },
});
