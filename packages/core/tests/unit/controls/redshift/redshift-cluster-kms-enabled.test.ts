import { describe, expect, it } from 'vitest';
import { redshiftClusterKmsEnabled as control } from '../../../../src/controls/redshift/redshift-cluster-kms-enabled.js';
import { fixture, verdict } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::Redshift::Cluster', 'encrypted-private');

describe('redshift-cluster-kms-enabled', () => {
  it('compliant: encrypted with a KMS key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Redshift cluster orders-dw is encrypted with KMS key ${KEY}.`);
  });

  it('non-compliant: not encrypted', () => {
    const ci = happy();
    ci.configuration.encrypted = false;
    ci.configuration.kmsKeyId = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Redshift cluster orders-dw is not encrypted with an AWS KMS key.');
  });

  it('kmsKeyArns: the key must be listed', () => {
    expect(verdict(control, happy(), { params: { kmsKeyArns: KEY } }).compliance).toBe('COMPLIANT');
    const v = verdict(control, happy(), { params: { kmsKeyArns: 'arn:aws:kms:eu-west-1:123456789012:key/other' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Redshift cluster orders-dw is encrypted with KMS key ${KEY}, which is not in kmsKeyArns.`,
    );
  });

  it('not applicable: deleted cluster', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
