import { describe, expect, it } from 'vitest';
import { secretsmanagerScheduledRotationSuccessCheck as control } from '../../../../src/controls/secretsmanager/secretsmanager-scheduled-rotation-success-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::SecretsManager::Secret', 'rotating');

describe('secretsmanager-scheduled-rotation-success-check', () => {
  it('compliant: rotation occurring as scheduled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin rotates as scheduled.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: rotation did not happen as scheduled', () => {
    const ci = happy();
    ci.configuration.RotationOccurringAsScheduled = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin did not rotate as scheduled.');
  });

  it('items read from ListSecrets: NextRotationDate in the past', () => {
    const ci = happy();
    delete ci.configuration.RotationOccurringAsScheduled;
    ci.configuration.NextRotationDate = '2026-11-20T00:00:00.000Z';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin did not rotate as scheduled: rotation was due 2026-11-20T00:00:00.000Z.',
    );
    ci.configuration.NextRotationDate = '2026-12-20T00:00:00.000Z';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
    delete ci.configuration.NextRotationDate;
    expect(verdict(control, ci).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: rotation not enabled', () => {
    const ci = happy();
    ci.configuration.RotationEnabled = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Secret prod/orders-db/admin does not have rotation enabled.');
  });

  it('not applicable: deleted secret', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
