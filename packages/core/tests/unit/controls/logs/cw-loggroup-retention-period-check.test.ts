import { describe, expect, it } from 'vitest';
import { cwLoggroupRetentionPeriodCheck as control } from '../../../../src/controls/logs/cw-loggroup-retention-period-check.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Logs::LogGroup', 'encrypted');
const retention = (days: number | undefined) => {
  const ci = happy();
  if (days === undefined) delete ci.configuration.retentionInDays;
  else ci.configuration.retentionInDays = days;
  return ci;
};

describe('cw-loggroup-retention-period-check', () => {
  it('compliant: retention above the default minimum of 365 days', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Log group aws-cloudtrail-logs-acme keeps events for 400 days.');
  });

  it('compliant: exactly 365 days', () => {
    expect(verdict(control, retention(365)).compliance).toBe('COMPLIANT');
  });

  it('compliant: never expire', () => {
    const v = verdict(control, retention(undefined));
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Log group aws-cloudtrail-logs-acme never expires its events.');
  });

  it('non-compliant: retention shorter than 365 days', () => {
    const v = verdict(control, retention(90));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Log group aws-cloudtrail-logs-acme keeps events for 90 days, less than 365.');
  });

  it('parameters: MinRetentionTime changes the minimum', () => {
    expect(verdict(control, retention(90), { params: { MinRetentionTime: '90' } }).compliance).toBe('COMPLIANT');
    const v = verdict(control, happy(), { params: { MinRetentionTime: '731' } });
    expect(v.annotation).toBe('Log group aws-cloudtrail-logs-acme keeps events for 400 days, less than 731.');
  });

  it('parameters: LogGroupNames limits the check to the listed log groups', () => {
    const listed = verdict(control, retention(30), {
      params: { LogGroupNames: '/aws/lambda/orders,aws-cloudtrail-logs-acme' },
    });
    expect(listed.compliance).toBe('NON_COMPLIANT');
    const other = verdict(control, retention(30), { params: { LogGroupNames: '/aws/lambda/orders' } });
    expect(other.compliance).toBe('NOT_APPLICABLE');
    expect(other.annotation).toBe('Log group aws-cloudtrail-logs-acme is not listed in LogGroupNames.');
  });

  it('rejects a MinRetentionTime that is not a number', () => {
    expect(() => control.parseParameters({ MinRetentionTime: 'a year' })).toThrow(/MinRetentionTime/);
  });

  it('not applicable: deleted log group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
