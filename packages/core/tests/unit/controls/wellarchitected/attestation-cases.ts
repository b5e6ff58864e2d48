import { describe, expect, it } from 'vitest';
import type { AttestationParameters } from '../../../../src/controls/wellarchitected/attestation.js';
import { AttestationFact, BEST_PRACTICES, type Control } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, NOW } from '../../../helpers.js';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The cases every attestation control must pass: compliant, missing, expired, review periods. */
export function attestationCases(control: Control<AttestationParameters>, defaultPeriod: number): void {
  const c = control as unknown as Control<unknown>;
  const bp = c.wellArchitected[0]!;
  const title = BEST_PRACTICES.find((b) => b.id === bp)!.title;
  const entry = (over: Record<string, unknown> = {}) => ({
    bestPractice: bp,
    owner: 'security-team@example.com',
    evidence: 'https://wiki.example.com/security/evidence',
    date: isoDay(NOW.getTime() - 10 * DAY),
    ...over,
  });
  const facts = (...entries: unknown[]) => [factItem(AttestationFact, { attestations: entries })];

  describe(control.id, () => {
    it('is an account-level attestation control for one best practice', () => {
      expect(c).toMatchObject({
        kind: 'attestation',
        resourceTypes: ['AWS::::Account'],
        scope: 'global',
        needs: ['Rampart::Attestation'],
      });
      expect(c.wellArchitected).toHaveLength(1);
      expect(Object.keys(c.rationale)).toEqual([bp]);
      expect(c.parseParameters({})).toEqual({ reviewPeriodDays: defaultPeriod });
    });

    it('compliant: a current attestation names owner and evidence', () => {
      const date = isoDay(NOW.getTime() - 10 * DAY);
      const v = accountVerdict(c, facts(entry()));
      expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', resourceId: ACCOUNT });
      expect(v.annotation).toBe(
        `${bp} is attested by security-team@example.com on ${date}, evidence https://wiki.example.com/security/evidence, current until ${isoDay(Date.parse(date) + defaultPeriod * DAY)}.`,
      );
    });

    it('non-compliant: no attestation fact at all', () => {
      const v = accountVerdict(c, []);
      expect(v.compliance).toBe('NON_COMPLIANT');
      expect(v.annotation).toBe(`Account ${ACCOUNT} has no attestation for ${bp} (${title}).`);
    });

    it('non-compliant: attestations exist for other best practices only', () => {
      const other = bp === 'SEC01-BP07' ? 'SEC10-BP07' : 'SEC01-BP07';
      const v = accountVerdict(c, facts(entry({ bestPractice: other })));
      expect(v.compliance).toBe('NON_COMPLIANT');
      expect(v.annotation).toBe(`Account ${ACCOUNT} has no attestation for ${bp} (${title}).`);
    });

    it('non-compliant: the attestation is older than the default review period', () => {
      const date = isoDay(NOW.getTime() - (defaultPeriod + 1) * DAY);
      const v = accountVerdict(c, facts(entry({ date })));
      expect(v.compliance).toBe('NON_COMPLIANT');
      expect(v.annotation).toBe(
        `The attestation for ${bp} by security-team@example.com dated ${date} expired on ${isoDay(Date.parse(date) + defaultPeriod * DAY)} (review period ${defaultPeriod} days).`,
      );
    });

    it('non-compliant with reviewPeriodDays=5: a 10-day-old attestation has expired', () => {
      const v = accountVerdict(c, facts(entry()), { params: { reviewPeriodDays: '5' } });
      expect(v.compliance).toBe('NON_COMPLIANT');
      expect(v.annotation).toContain('(review period 5 days)');
    });

    it("the attestation's own reviewPeriodDays wins over the parameter", () => {
      expect(accountVerdict(c, facts(entry({ reviewPeriodDays: 7 }))).annotation).toContain('(review period 7 days)');
      expect(
        accountVerdict(c, facts(entry({ reviewPeriodDays: 30 })), { params: { reviewPeriodDays: 5 } }).compliance,
      ).toBe('COMPLIANT');
    });

    it('compliant: the newest of several attestations counts', () => {
      const old = entry({ date: '2019-01-01', owner: 'former-owner@example.com' });
      const v = accountVerdict(c, facts(entry(), old));
      expect(v.compliance).toBe('COMPLIANT');
      expect(v.annotation).toContain('security-team@example.com');
    });

    it('rejects a review period below one day', () => {
      expect(() => c.parseParameters({ reviewPeriodDays: '0' })).toThrow(/reviewPeriodDays/);
    });
  });
}
