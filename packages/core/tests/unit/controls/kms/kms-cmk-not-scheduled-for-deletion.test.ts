import { describe, expect, it } from 'vitest';
import { kmsCmkNotScheduledForDeletion as control } from '../../../../src/controls/kms/kms-cmk-not-scheduled-for-deletion.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY = '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::KMS::Key', 'customer-managed');
const pendingDeletion = () => {
  const ci = happy();
  ci.configuration.keyState = 'PendingDeletion';
  ci.configuration.enabled = false;
  ci.configuration.deletionDate = '2026-12-06T14:05:31.000Z';
  ci.configuration.pendingDeletionWindowInDays = 7;
  return ci;
};

describe('kms-cmk-not-scheduled-for-deletion', () => {
  it('compliant: an enabled customer managed key', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`KMS key ${KEY} is not scheduled for deletion (key state Enabled).`);
    expect(v.resourceArn).toBe(`arn:aws:kms:eu-west-1:123456789012:key/${KEY}`);
  });

  it('compliant: a disabled key is not scheduled for deletion', () => {
    const ci = happy();
    ci.configuration.keyState = 'Disabled';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: key pending deletion', () => {
    const v = verdict(control, pendingDeletion());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `KMS key ${KEY} is scheduled for deletion on 2026-12-06T14:05:31.000Z (key state PendingDeletion).`,
    );
    expect(verdict(control, toApiShape(pendingDeletion())).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: multi-Region replica pending deletion', () => {
    const ci = happy();
    ci.configuration.keyState = 'PendingReplicaDeletion';
    expect(verdict(control, ci).annotation).toBe(
      `KMS key ${KEY} is scheduled for deletion (key state PendingReplicaDeletion).`,
    );
  });

  it('not applicable: AWS managed key', () => {
    const ci = pendingDeletion();
    ci.configuration.keyManager = 'AWS';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`KMS key ${KEY} is an AWS managed key.`);
  });

  it('not applicable: deleted key', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('parameters: kmsKeyIds limits the check to the listed keys (ids or ARNs)', () => {
    const listed = verdict(control, pendingDeletion(), { params: { kmsKeyIds: `other-key, ${KEY}` } });
    expect(listed.compliance).toBe('NON_COMPLIANT');
    const byArn = verdict(control, pendingDeletion(), {
      params: { kmsKeyIds: `arn:aws:kms:eu-west-1:123456789012:key/${KEY}` },
    });
    expect(byArn.compliance).toBe('NON_COMPLIANT');
    const other = verdict(control, pendingDeletion(), {
      params: { kmsKeyIds: '1111aaaa-2222-3333-4444-555566667777' },
    });
    expect(other.compliance).toBe('NOT_APPLICABLE');
    expect(other.annotation).toBe(`KMS key ${KEY} is not listed in kmsKeyIds.`);
  });
});
