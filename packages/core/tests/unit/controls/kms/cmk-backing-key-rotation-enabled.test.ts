import { describe, expect, it } from 'vitest';
import { cmkBackingKeyRotationEnabled as control } from '../../../../src/controls/kms/cmk-backing-key-rotation-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::KMS::Key', 'customer-managed');
const rotationOff = () => {
  const ci = happy();
  ci.supplementaryConfiguration.KeyRotationStatus = false;
  return ci;
};

describe('cmk-backing-key-rotation-enabled', () => {
  it('compliant: rotation enabled on a customer managed symmetric key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Automatic key rotation is enabled for KMS key ${KEY}.`);
  });

  it('compliant: the same key in the Config API shape (KeyRotationStatus as the string "true")', () => {
    const api = toApiShape(happy());
    expect(api.supplementaryConfiguration.KeyRotationStatus).toBe('true');
    expect(verdict(control, api).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: rotation disabled', () => {
    const v = verdict(control, rotationOff());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`KMS key ${KEY} does not have automatic key rotation enabled.`);
    expect(verdict(control, toApiShape(rotationOff())).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: rotation status recorded as the string "false"', () => {
    const ci = happy();
    ci.supplementaryConfiguration.KeyRotationStatus = 'false';
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: AWS managed key', () => {
    const ci = rotationOff();
    ci.configuration.keyManager = 'AWS';
    expect(verdict(control, ci).annotation).toBe(`KMS key ${KEY} is an AWS managed key, rotated by AWS.`);
  });

  it('not applicable: asymmetric signing key', () => {
    const ci = rotationOff();
    ci.configuration.keySpec = 'RSA_2048';
    ci.configuration.customerMasterKeySpec = 'RSA_2048';
    ci.configuration.keyUsage = 'SIGN_VERIFY';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(
      `KMS key ${KEY} has key spec RSA_2048 and usage SIGN_VERIFY; automatic rotation applies to symmetric encryption keys only.`,
    );
  });

  it('not applicable: HMAC key', () => {
    const ci = rotationOff();
    ci.configuration.keySpec = 'HMAC_256';
    ci.configuration.keyUsage = 'GENERATE_VERIFY_MAC';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: imported key material', () => {
    const ci = rotationOff();
    ci.configuration.origin = 'EXTERNAL';
    expect(verdict(control, ci).annotation).toBe(
      `KMS key ${KEY} has key material of origin EXTERNAL, which KMS cannot rotate automatically.`,
    );
  });

  it('not applicable: key pending deletion', () => {
    const ci = rotationOff();
    ci.configuration.keyState = 'PendingDeletion';
    expect(verdict(control, ci).annotation).toBe(`KMS key ${KEY} is pending deletion.`);
  });

  it('not applicable: deleted key', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    ci.supplementaryConfiguration = {};
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('insufficient data: the configuration item does not record KeyRotationStatus', () => {
    const ci = happy();
    ci.supplementaryConfiguration = {};
    const v = verdict(control, ci);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(`The configuration item of KMS key ${KEY} does not record KeyRotationStatus.`);
  });
});
