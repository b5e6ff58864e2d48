import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmActionCheck as control } from '../../../../src/controls/cloudwatch/cloudwatch-alarm-action-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:acme-security-alerts';
const alarm = () => fixture('AWS::CloudWatch::Alarm', 'root-usage');

describe('cloudwatch-alarm-action-check', () => {
  it('compliant: ALARM and INSUFFICIENT_DATA actions (OK not required by default)', () => {
    const v = verdict(control, alarm());
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::CloudWatch::Alarm',
      resourceId: 'acme-root-account-usage',
      resourceArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:acme-root-account-usage',
    });
    expect(v.annotation).toBe('CloudWatch alarm acme-root-account-usage has actions for every required state.');
  });

  it('compliant: the Config API shape', () => {
    expect(verdict(control, toApiShape(alarm())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no ALARM action', () => {
    const ci = alarm();
    ci.configuration.alarmActions = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('CloudWatch alarm acme-root-account-usage has no action for the ALARM state.');
  });

  it('non-compliant: no INSUFFICIENT_DATA action (null as well as empty)', () => {
    const ci = alarm();
    ci.configuration.insufficientDataActions = null;
    expect(verdict(control, ci).annotation).toBe(
      'CloudWatch alarm acme-root-account-usage has no action for the INSUFFICIENT_DATA state.',
    );
  });

  it('non-compliant: no action at all names both required states', () => {
    const ci = alarm();
    ci.configuration.alarmActions = [];
    ci.configuration.insufficientDataActions = [];
    expect(verdict(control, ci).annotation).toBe(
      'CloudWatch alarm acme-root-account-usage has no action for the ALARM and INSUFFICIENT_DATA states.',
    );
  });

  it('not applicable: the alarm was deleted', () => {
    const ci = alarm();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('parameters: okActionRequired, insufficientDataActionRequired=false', () => {
    const ci = alarm();
    ci.configuration.insufficientDataActions = [];
    expect(verdict(control, ci, { params: { insufficientDataActionRequired: 'false' } }).compliance).toBe('COMPLIANT');
    expect(verdict(control, alarm(), { params: { okActionRequired: 'true' } }).annotation).toBe(
      'CloudWatch alarm acme-root-account-usage has no action for the OK state.',
    );
    const ok = alarm();
    ok.configuration.okactions = [TOPIC];
    expect(verdict(control, ok, { params: { okActionRequired: 'true' } }).compliance).toBe('COMPLIANT');
  });

  it('parameters: action1..action5 must appear among the actions of each required state', () => {
    expect(
      verdict(control, alarm(), { params: { action1: 'arn:aws:sns:eu-west-1:123456789012:other', action2: TOPIC } })
        .compliance,
    ).toBe('COMPLIANT');
    const v = verdict(control, alarm(), { params: { action1: 'arn:aws:sns:eu-west-1:123456789012:pager' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'CloudWatch alarm acme-root-account-usage has no action from the parameters (action1..action5) for the ALARM and INSUFFICIENT_DATA states.',
    );
  });
});
