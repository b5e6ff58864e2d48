import { describe, expect, it } from 'vitest';
import { ec2StoppedInstance as control } from '../../../../src/controls/ec2/ec2-stopped-instance.js';
import { fixture, verdict } from '../../../helpers.js';

const INSTANCE = 'i-0a7b8c9d0e1f23456';
const happy = () => fixture('AWS::EC2::Instance', 'private-imdsv2');
/** NOW is 2026-11-29T08:00:00Z. */
const stopped = (reason: string) => {
  const ci = happy();
  ci.configuration.state = { code: 80, name: 'stopped' };
  ci.configuration.stateTransitionReason = reason;
  ci.configuration.stateReason = {
    code: 'Client.UserInitiatedShutdown',
    message: 'Client.UserInitiatedShutdown: User initiated shutdown',
  };
  return ci;
};

describe('ec2-stopped-instance', () => {
  it('compliant: running instance', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} is running.`);
  });

  it('compliant: stopped 10 days ago', () => {
    const v = verdict(control, stopped('User initiated (2026-11-19 07:00:00 GMT)'));
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} has been stopped since 2026-11-19T07:00:00.000Z (10 days).`);
  });

  it('non-compliant: stopped for more than 30 days', () => {
    const v = verdict(control, stopped('User initiated (2026-10-01 12:34:56 GMT)'));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Instance ${INSTANCE} has been stopped since 2026-10-01T12:34:56.000Z (58 days, more than 30).`,
    );
  });

  it('non-compliant: the stop time cannot be determined', () => {
    const v = verdict(control, stopped(''));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} is stopped and the time it stopped cannot be determined.`);
  });

  it('non-compliant with AllowedDays 7: stopped 10 days ago', () => {
    const v = verdict(control, stopped('User initiated (2026-11-19 07:00:00 GMT)'), { params: { AllowedDays: '7' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: terminated instance', () => {
    const ci = stopped('User initiated (2026-01-01 00:00:00 GMT)');
    ci.configuration.state = { code: 48, name: 'terminated' };
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted instance', () => {
    const ci = stopped('User initiated (2026-01-01 00:00:00 GMT)');
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
