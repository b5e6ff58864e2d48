import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretUnused as control } from '../../../../src/controls/secretsmanager/secretsmanager-secret-unused.js';
import { SecretsManagerSecretActivityFact } from '../../../../src/index.js';
import { factItem, fixture, type Json, verdict } from '../../../helpers.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders-db/admin-Q7fK2x';
const secret = () => fixture('AWS::SecretsManager::Secret', 'rotating');
const activity = (over: Json = {}) =>
  factItem(SecretsManagerSecretActivityFact, {
    secrets: [
      { arn: ARN, createdDate: '2025-06-02T08:10:51.640Z', lastAccessedDate: '2026-11-28T00:00:00.000Z', ...over },
    ],
  });

describe('secretsmanager-secret-unused', () => {
  it('compliant: accessed yesterday', () => {
    const v = verdict(control, secret(), { with: [activity()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin was last accessed on 2026-11-28, 1 days ago (maximum 90).');
  });

  it('non-compliant: not accessed for longer than unusedForDays', () => {
    const v = verdict(control, secret(), { with: [activity({ lastAccessedDate: '2026-06-01T00:00:00.000Z' })] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin was last accessed on 2026-06-01, 181 days ago (maximum 90).',
    );
    expect(
      verdict(control, secret(), {
        with: [activity({ lastAccessedDate: '2026-06-01T00:00:00.000Z' })],
        params: { unusedForDays: '365' },
      }).compliance,
    ).toBe('COMPLIANT');
  });

  it('non-compliant: never accessed since creation', () => {
    const v = verdict(control, secret(), { with: [activity({ lastAccessedDate: undefined })] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin has never been accessed since its creation on 2025-06-02, 544 days ago (maximum 90).',
    );
  });

  it('insufficient data: no activity fact', () => {
    expect(verdict(control, secret()).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: deleted secret', () => {
    const ci = secret();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
