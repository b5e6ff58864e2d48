import { describe, expect, it } from 'vitest';
import { encryptedVolumes as control } from '../../../../src/controls/ec2/encrypted-volumes.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::Volume', 'encrypted-attached');
const VOL = 'vol-0c5e2f8a9b1d3e4f6';
const KEY_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const KEY = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;

describe('encrypted-volumes', () => {
  it('compliant: attached volume encrypted with a KMS key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Volume ${VOL} is encrypted with KMS key ${KEY}.`);
    expect(v.resourceArn).toBe(`arn:aws:ec2:eu-west-1:123456789012:volume/${VOL}`);
  });

  it('non-compliant: attached volume not encrypted', () => {
    const ci = happy();
    ci.configuration.encrypted = false;
    ci.configuration.kmsKeyId = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Volume ${VOL} attached to i-0a7b8c9d0e1f23456 is not encrypted.`);
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('compliant with kmsId: the key id matches the key ARN', () => {
    expect(verdict(control, happy(), { params: { kmsId: KEY_ID } }).compliance).toBe('COMPLIANT');
    expect(verdict(control, happy(), { params: { kmsId: KEY } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with kmsId: encrypted with another key', () => {
    const other = 'arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-0000-4000-8000-000000000000';
    const v = verdict(control, happy(), { params: { kmsId: other } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Volume ${VOL} is encrypted with KMS key ${KEY}, not with ${other}.`);
  });

  it('not applicable: volume not attached', () => {
    const ci = happy();
    ci.configuration.attachments = [];
    ci.configuration.state = 'available';
    ci.configuration.encrypted = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Volume ${VOL} is not attached to an instance.`);
  });

  it('not applicable: deleted volume', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
