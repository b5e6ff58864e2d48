import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretPeriodicRotation as control } from '../../../../src/controls/secretsmanager/secretsmanager-secret-periodic-rotation.js';
import { SecretsManagerSecretActivityFact } from '../../../../src/index.js';
import { factItem, fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders-db/admin-Q7fK2x';
const secret = () => fixture('AWS::SecretsManager::Secret', 'rotating');
const activity = (over: Json = {}) =>
  factItem(SecretsManagerSecretActivityFact, {
    secrets: [
      {
        arn: ARN,
        name: 'prod/orders-db/admin',
        createdDate: '2025-06-02T08:10:51.640Z',
        lastRotatedDate: '2026-11-01T04:00:00.000Z',
        ...over,
      },
    ],
  });

describe('secretsmanager-secret-periodic-rotation', () => {
  it('compliant: rotated 28 days ago', () => {
    const v = verdict(control, secret(), { with: [activity()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin was last rotated on 2026-11-01, 28 days ago (maximum 90).');
    expect(verdict(control, toApiShape(secret()), { with: [activity()] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: not rotated for longer than maxDaysSinceRotation', () => {
    const v = verdict(control, secret(), { with: [activity()], params: { maxDaysSinceRotation: '14' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin was last rotated on 2026-11-01, 28 days ago (maximum 14).');
  });

  it('non-compliant: never rotated since creation long ago', () => {
    const v = verdict(control, secret(), { with: [activity({ lastRotatedDate: null })] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin has never been rotated since its creation on 2025-06-02, 544 days ago (maximum 90).',
    );
  });

  it('items read from ListSecrets carry the dates themselves', () => {
    const ci = secret();
    ci.configuration.CreatedDate = '2025-06-02T08:10:51.640Z';
    ci.configuration.LastRotatedDate = '2026-11-01T04:00:00.000Z';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('insufficient data: no activity fact, or the secret missing from it', () => {
    expect(verdict(control, secret()).compliance).toBe('INSUFFICIENT_DATA');
    const empty = factItem(SecretsManagerSecretActivityFact, { secrets: [] });
    const v = verdict(control, secret(), { with: [empty] });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe('The rotation and creation dates of secret prod/orders-db/admin were not read.');
  });

  it('not applicable: deleted secret', () => {
    const ci = secret();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
