import { describe, expect, it } from 'vitest';
import { secretsmanagerUsingCmk as control } from '../../../../src/controls/secretsmanager/secretsmanager-using-cmk.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::SecretsManager::Secret', 'rotating');

describe('secretsmanager-using-cmk', () => {
  it('compliant: customer managed key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Secret prod/orders-db/admin is encrypted with customer managed KMS key ${KEY}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: AWS managed key (no KMSKeyId, or the aws/secretsmanager alias)', () => {
    const ci = happy();
    ci.configuration.KMSKeyId = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin is encrypted with the AWS managed key aws/secretsmanager.');
    ci.configuration.KMSKeyId = 'alias/aws/secretsmanager';
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant with kmsKeyArns: key not listed', () => {
    expect(verdict(control, happy(), { params: { kmsKeyArns: KEY } }).compliance).toBe('COMPLIANT');
    const v = verdict(control, happy(), { params: { kmsKeyArns: 'arn:aws:kms:eu-west-1:123456789012:key/other' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Secret prod/orders-db/admin is encrypted with KMS key ${KEY}, which is not in kmsKeyArns.`,
    );
  });

  it('not applicable: deleted secret', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
