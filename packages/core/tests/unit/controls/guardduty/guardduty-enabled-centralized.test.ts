import { describe, expect, it } from 'vitest';
import { guarddutyEnabledCentralized as control } from '../../../../src/controls/guardduty/guardduty-enabled-centralized.js';
import { GuardDutyStatusFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, REGION } from '../../../helpers.js';

const status = (over: Record<string, unknown> = {}) =>
  factItem(GuardDutyStatusFact, {
    detectorId: '12abc34d567e8fa901bc2d34e56789f0',
    status: 'ENABLED',
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
    features: [{ name: 'S3_DATA_EVENTS', status: 'ENABLED' }],
    administratorAccountId: '999999999999',
    ...over,
  });

describe('guardduty-enabled-centralized', () => {
  it('compliant: enabled detector', () => {
    const v = accountVerdict(control, [status()]);
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::::Account',
      resourceId: ACCOUNT,
      region: REGION,
    });
  });

  it('non-compliant: no detector', () => {
    const v = accountVerdict(control, [status({ detectorId: null, status: null })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`GuardDuty has no detector in account ${ACCOUNT} in ${REGION}.`);
  });

  it('non-compliant: detector suspended', () => {
    const v = accountVerdict(control, [status({ status: 'DISABLED' })]);
    expect(v.annotation).toBe(`GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 in ${REGION} is DISABLED.`);
  });

  it('compliant with CentralMonitoringAccount: administered by the central account', () => {
    expect(
      accountVerdict(control, [status()], { params: { CentralMonitoringAccount: '999999999999' } }).compliance,
    ).toBe('COMPLIANT');
  });

  it('compliant with CentralMonitoringAccount: this is the central account', () => {
    const v = accountVerdict(control, [status({ administratorAccountId: null })], {
      params: { CentralMonitoringAccount: ACCOUNT },
    });
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('non-compliant with CentralMonitoringAccount: another administrator', () => {
    const v = accountVerdict(control, [status()], { params: { CentralMonitoringAccount: '111111111111' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toContain('not the central account 111111111111');
  });

  it('rejects a malformed CentralMonitoringAccount parameter', () => {
    expect(() => control.parseParameters({ CentralMonitoringAccount: 'abc' })).toThrow(/CentralMonitoringAccount/);
  });

  it('insufficient data: no GuardDuty fact in the input', () => {
    const v = accountVerdict(control, []);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      `The input holds no Rampart::GuardDuty::Status fact for account ${ACCOUNT} in ${REGION}.`,
    );
  });

  it('insufficient data: the collector was denied', () => {
    const v = accountVerdict(control, [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: REGION,
          service: 'guardduty',
          operation: 'ListDetectors',
          resourceTypes: ['Rampart::GuardDuty::Status'],
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toContain('guardduty ListDetectors failed with AccessDeniedException: not authorized');
  });
});
