import { describe, expect, it } from 'vitest';
import { guarddutyNonArchivedFindings as control } from '../../../../src/controls/guardduty/guardduty-non-archived-findings.js';
import { GuardDutyFindingsSummaryFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factFixture, factItem, type Json, REGION } from '../../../helpers.js';

const DETECTOR = '12abc34d567e8fa901bc2d34e56789f0';
const summary = (mutate: (s: Json) => void = () => {}) => {
  const s = factFixture('guardduty-findings-summary');
  mutate(s);
  return factItem(GuardDutyFindingsSummaryFact, s);
};
const band = (s: Json, severity: string): Json => s['severities'].find((b: Json) => b['severity'] === severity);

describe('guardduty-non-archived-findings', () => {
  it('compliant: open findings are younger than the defaults allow', () => {
    const v = accountVerdict(control, [summary()]);
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      `GuardDuty detector ${DETECTOR} in ${REGION} has no non-archived findings older than allowed (5 open in total).`,
    );
  });

  it('non-compliant: a HIGH finding older than daysHighSev (1)', () => {
    const v = accountVerdict(control, [
      summary((s) => Object.assign(band(s, 'HIGH'), { count: 2, oldestCreatedAt: '2026-11-27T22:10:00Z' })),
    ]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `GuardDuty detector ${DETECTOR} in ${REGION} has non-archived findings older than allowed: 2 HIGH (oldest created 2026-11-27, allowed 1 day).`,
    );
  });

  it('non-compliant: a CRITICAL finding is held to daysHighSev', () => {
    const v = accountVerdict(control, [
      summary((s) => Object.assign(band(s, 'CRITICAL'), { count: 1, oldestCreatedAt: '2026-11-28T07:00:00Z' })),
    ]);
    expect(v.annotation).toContain('1 CRITICAL (oldest created 2026-11-28, allowed 1 day)');
  });

  it('non-compliant: a MEDIUM finding older than daysMediumSev (7)', () => {
    const v = accountVerdict(control, [
      summary((s) => (band(s, 'MEDIUM')['oldestCreatedAt'] = '2026-11-20T00:00:00Z')),
    ]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toContain('1 MEDIUM (oldest created 2026-11-20, allowed 7 days)');
  });

  it('non-compliant with daysLowSev 10: the LOW findings are 18 days old', () => {
    const v = accountVerdict(control, [summary()], { params: { daysLowSev: '10' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toContain('4 LOW (oldest created 2026-11-10, allowed 10 days)');
  });

  it('compliant with daysHighSev 3: a two-day-old HIGH finding', () => {
    const v = accountVerdict(
      control,
      [summary((s) => Object.assign(band(s, 'HIGH'), { count: 1, oldestCreatedAt: '2026-11-27T08:00:00Z' }))],
      { params: { daysHighSev: 3 } },
    );
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('compliant: no findings at all', () => {
    const v = accountVerdict(control, [
      factItem(GuardDutyFindingsSummaryFact, { detectorId: DETECTOR, severities: [] }),
    ]);
    expect(v.annotation).toBe(
      `GuardDuty detector ${DETECTOR} in ${REGION} has no non-archived findings older than allowed (0 open in total).`,
    );
  });

  it('rejects a negative parameter', () => {
    expect(() => control.parseParameters({ daysMediumSev: '-1' })).toThrow(/daysMediumSev/);
  });

  it('insufficient data: no findings summary fact', () => {
    expect(accountVerdict(control, []).annotation).toBe(
      `The input holds no Rampart::GuardDuty::FindingsSummary fact for account ${ACCOUNT} in ${REGION}.`,
    );
  });
});
