import { expect, it } from 'vitest';
import { type Control, GuardDutyStatusFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factFixture, factItem, type Json, REGION } from '../../../helpers.js';

const DETECTOR = '12abc34d567e8fa901bc2d34e56789f0';

/** The cases every protection-plan control shares: one feature of the detector decides. */
export function protectionPlanCases(
  control: Control<unknown> | Control<never> | Control<Record<string, never>>,
  feature: string,
  label: string,
): void {
  const status = (mutate: (s: Json) => void = () => {}) => {
    const s = factFixture('guardduty-status-all-plans');
    mutate(s);
    return factItem(GuardDutyStatusFact, s);
  };
  const withFeature = (value: string) =>
    status((s) => {
      s['features'].find((f: Json) => f['name'] === feature).status = value;
    });

  it(`compliant: ${feature} enabled`, () => {
    const v = accountVerdict(control, [status()]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', resourceId: ACCOUNT });
    expect(v.annotation).toBe(`GuardDuty detector ${DETECTOR} in ${REGION} has ${label} enabled.`);
  });

  it(`non-compliant: ${feature} disabled`, () => {
    const v = accountVerdict(control, [withFeature('DISABLED')]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`GuardDuty detector ${DETECTOR} in ${REGION} has ${label} (${feature}) DISABLED.`);
  });

  it('non-compliant: no detector in the region', () => {
    const v = accountVerdict(control, [
      factItem(GuardDutyStatusFact, { detectorId: null, status: null, features: [] }),
    ]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`GuardDuty has no detector in account ${ACCOUNT} in ${REGION}, so ${label} is off.`);
  });

  it('non-compliant: the detector is suspended', () => {
    const v = accountVerdict(control, [status((s) => (s['status'] = 'DISABLED'))]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`GuardDuty detector ${DETECTOR} in ${REGION} is DISABLED, so ${label} is off.`);
  });

  it('not applicable: the plan is not offered in the region', () => {
    const v = accountVerdict(control, [
      status((s) => (s['features'] = s['features'].filter((f: Json) => f['name'] !== feature))),
    ]);
    expect(v.compliance).toBe('NOT_APPLICABLE');
  });

  it('insufficient data: the status lists no features', () => {
    expect(accountVerdict(control, [status((s) => (s['features'] = []))]).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('insufficient data: no GuardDuty fact', () => {
    expect(accountVerdict(control, []).annotation).toBe(
      `The input holds no Rampart::GuardDuty::Status fact for account ${ACCOUNT} in ${REGION}.`,
    );
  });
}
