import { describe, expect, it } from 'vitest';
import { ssmParameterSecretsSecurestringCmk as control } from '../../../../src/controls/ssm/ssm-parameter-secrets-securestring-cmk.js';
import { SsmParametersFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, type Json, REGION, run } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const parameters = (...list: Json[]) => factItem(SsmParametersFact, { parameters: list });
const verdicts = (list: Json[], params?: Record<string, unknown>) =>
  run(control, [parameters(...list)], { header: true, params }).evaluations.map((e) => [
    e.resourceId,
    e.compliance,
    e.annotation,
  ]);

describe('ssm-parameter-secrets-securestring-cmk', () => {
  it('compliant: SecureString with a customer managed key; plain config values are not judged', () => {
    expect(
      verdicts([
        { name: '/orders/db/password', type: 'SecureString', keyId: KEY, tier: 'Standard' },
        { name: '/orders/feature-flags', type: 'StringList', tier: 'Standard' },
      ]),
    ).toEqual([
      [
        '/orders/db/password',
        'COMPLIANT',
        `SecureString parameter /orders/db/password is encrypted with customer managed KMS key ${KEY}.`,
      ],
    ]);
  });

  it('non-compliant: a secret-named parameter in plaintext', () => {
    expect(verdicts([{ name: '/orders/stripe/API_KEY', type: 'String' }])).toEqual([
      [
        '/orders/stripe/API_KEY',
        'NON_COMPLIANT',
        'Parameter /orders/stripe/API_KEY looks like a secret but is a plaintext String parameter.',
      ],
    ]);
  });

  it('non-compliant: SecureString with the AWS managed key', () => {
    expect(verdicts([{ name: '/orders/db/password', type: 'SecureString', keyId: 'alias/aws/ssm' }])).toEqual([
      [
        '/orders/db/password',
        'NON_COMPLIANT',
        'SecureString parameter /orders/db/password is encrypted with the AWS managed key alias/aws/ssm.',
      ],
    ]);
  });

  it('parameters: kmsKeyArns and secretNamePatterns', () => {
    const p = { name: '/orders/db/password', type: 'SecureString', keyId: KEY };
    expect(verdicts([p], { kmsKeyArns: 'arn:aws:kms:eu-west-1:123456789012:key/other' })[0]![2]).toBe(
      `SecureString parameter /orders/db/password is encrypted with KMS key ${KEY}, which is not in kmsKeyArns.`,
    );
    expect(verdicts([{ name: '/orders/db/dsn', type: 'String' }], { secretNamePatterns: 'dsn' })[0]![1]).toBe(
      'NON_COMPLIANT',
    );
  });

  it('not applicable: no SecureString or secret-named parameters', () => {
    const v = accountVerdict(control, [parameters({ name: '/orders/feature-flags', type: 'String' })]);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no SecureString or secret-named parameters in ${REGION}.`);
  });

  it('insufficient data: no parameters fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
