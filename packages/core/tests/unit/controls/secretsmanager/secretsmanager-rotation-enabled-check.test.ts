import { describe, expect, it } from 'vitest';
import { secretsmanagerRotationEnabledCheck as control } from '../../../../src/controls/secretsmanager/secretsmanager-rotation-enabled-check.js';
import { fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::SecretsManager::Secret', 'rotating');
const withRules = (rules: Json) => {
  const ci = happy();
  ci.configuration.RotationRules = rules;
  return ci;
};

describe('secretsmanager-rotation-enabled-check', () => {
  it('compliant: automatic rotation every 30 days', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin rotates automatically every 30 days.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: rotation not enabled', () => {
    const ci = happy();
    ci.configuration.RotationEnabled = false;
    delete ci.configuration.RotationLambdaARN;
    delete ci.configuration.RotationRules;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin does not have automatic rotation enabled.');
  });

  it('compliant with maximumAllowedRotationFrequency: rotates within the maximum', () => {
    const v = verdict(control, happy(), { params: { maximumAllowedRotationFrequency: '90' } });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Secret prod/orders-db/admin rotates every 30 days, within the maximum of 90 days.');
  });

  it('non-compliant with maximumAllowedRotationFrequency: rotates less often than the maximum', () => {
    const v = verdict(control, withRules({ AutomaticallyAfterDays: 180 }), {
      params: { maximumAllowedRotationFrequency: '90' },
    });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin rotates every 180 days, less often than the maximum of 90 days.',
    );
  });

  it('maximumAllowedRotationFrequencyInHours: rate expressions in hours', () => {
    const ci = withRules({ RotationScheduleExpression: 'rate(4 hours)', RotationDuration: '2h' });
    const params = { maximumAllowedRotationFrequencyInHours: '6' };
    expect(verdict(control, ci, { params }).annotation).toBe(
      'Secret prod/orders-db/admin rotates every 4 hours, within the maximum of 6 hours.',
    );
    const slow = verdict(control, happy(), { params });
    expect(slow.compliance).toBe('NON_COMPLIANT');
  });

  it('both parameters: the tighter maximum applies', () => {
    const v = verdict(control, happy(), {
      params: { maximumAllowedRotationFrequency: '90', maximumAllowedRotationFrequencyInHours: '240' },
    });
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin rotates every 30 days, less often than the maximum of 240 hours.',
    );
  });

  it('cron schedules: the longest gap between rotations is compared', () => {
    // 1st and 15th of each month at 04:00 UTC: up to 17 days apart (15th to the 1st of a 31-day month).
    const twiceMonthly = withRules({ RotationScheduleExpression: 'cron(0 4 1,15 * ? *)' });
    expect(verdict(control, twiceMonthly, { params: { maximumAllowedRotationFrequency: '17' } }).compliance).toBe(
      'COMPLIANT',
    );
    const v = verdict(control, twiceMonthly, { params: { maximumAllowedRotationFrequency: '16' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin rotates on schedule cron(0 4 1,15 * ? *), less often than the maximum of 16 days.',
    );
    // Weekdays at 08:00: the longest gap is the weekend (Friday to Monday, 72 hours).
    const weekdays = withRules({ ScheduleExpression: 'cron(0 8 ? * MON-FRI *)' });
    const params = { maximumAllowedRotationFrequencyInHours: '72' };
    expect(verdict(control, weekdays, { params }).compliance).toBe('COMPLIANT');
    // First Sunday of the month: up to 5 weeks apart.
    const firstSunday = withRules({ RotationScheduleExpression: 'cron(0 2 ? * 1#1 *)' });
    expect(verdict(control, firstSunday, { params: { maximumAllowedRotationFrequency: '35' } }).compliance).toBe(
      'COMPLIANT',
    );
    expect(verdict(control, firstSunday, { params: { maximumAllowedRotationFrequency: '34' } }).compliance).toBe(
      'NON_COMPLIANT',
    );
  });

  it('insufficient data: a cron expression Rampart cannot measure', () => {
    const ci = withRules({ RotationScheduleExpression: 'cron(0 4 15W * ? *)' });
    const v = verdict(control, ci, { params: { maximumAllowedRotationFrequency: '30' } });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin rotates on schedule cron(0 4 15W * ? *), an expression Rampart cannot measure.',
    );
  });

  it('insufficient data: rotation enabled without a recorded schedule', () => {
    const ci = happy();
    delete ci.configuration.RotationRules;
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
    const v = verdict(control, ci, { params: { maximumAllowedRotationFrequency: '30' } });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'Secret prod/orders-db/admin has rotation enabled, but its configuration item records no schedule.',
    );
  });

  it('rejects a non-numeric maximum', () => {
    expect(() => control.parseParameters({ maximumAllowedRotationFrequency: 'monthly' })).toThrow(
      /maximumAllowedRotationFrequency/,
    );
  });

  it('not applicable: deleted secret', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
