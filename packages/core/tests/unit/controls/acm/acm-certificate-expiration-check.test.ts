import { describe, expect, it } from 'vitest';
import { acmCertificateExpirationCheck as control } from '../../../../src/controls/acm/acm-certificate-expiration-check.js';
import { fixture, NOW, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ACM::Certificate', 'issued');

describe('acm-certificate-expiration-check', () => {
  it('compliant: expires in more than 14 days', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Certificate for www.example.com expires on 2027-07-11, in 224 days.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: expires within 14 days', () => {
    const ci = happy();
    ci.configuration.notAfter = '2026-12-06T23:59:59.000Z';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Certificate for www.example.com expires on 2026-12-06, in 7 days (within 14).');
  });

  it('non-compliant: already expired', () => {
    const ci = happy();
    ci.configuration.notAfter = '2026-11-01T23:59:59.000Z';
    ci.configuration.status = 'EXPIRED';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Certificate for www.example.com expired on 2026-11-01.');
  });

  it('non-compliant with daysToExpiration=365: expires within a year', () => {
    const v = verdict(control, happy(), { params: { daysToExpiration: '365' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Certificate for www.example.com expires on 2027-07-11, in 224 days (within 365).');
  });

  it('compliant: notAfter as epoch seconds', () => {
    const ci = happy();
    ci.configuration.notAfter = Date.parse('2027-07-11T23:59:59.000Z') / 1000;
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('uses the evaluation time, not the clock', () => {
    const later = new Date(NOW.getTime() + 220 * 86_400_000);
    expect(verdict(control, happy(), { now: later }).compliance).toBe('NON_COMPLIANT');
  });

  it('rejects a non-positive daysToExpiration', () => {
    expect(() => control.parseParameters({ daysToExpiration: '0' })).toThrow(/daysToExpiration/);
  });

  it('not applicable: a certificate pending validation', () => {
    const ci = happy();
    ci.configuration.status = 'PENDING_VALIDATION';
    ci.configuration.notAfter = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Certificate for www.example.com has no expiry date (status PENDING_VALIDATION).');
  });

  it('not applicable: deleted certificate', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
