import { describe, expect, it } from 'vitest';
import { iamExternalAccessAnalyzerEnabled as control } from '../../../../src/controls/iam/iam-external-access-analyzer-enabled.js';
import { AccessAnalyzerAnalyzersFact } from '../../../../src/index.js';
import { accountVerdict, factFixture, factItem, type Json } from '../../../helpers.js';

const analyzers = () => factFixture('access-analyzer-analyzers');
const facts = (value: Json) => [factItem(AccessAnalyzerAnalyzersFact, value)];

describe('iam-external-access-analyzer-enabled', () => {
  it('compliant: an active ACCOUNT analyzer', () => {
    const v = accountVerdict(control, facts(analyzers()));
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'eu-west-1' });
    expect(v.annotation).toBe(
      'IAM Access Analyzer ExternalAccess-ConsoleAnalyzer-eu-west-1 (ACCOUNT) is active in eu-west-1.',
    );
  });

  it('compliant: an active ORGANIZATION analyzer', () => {
    const value = analyzers();
    value.analyzers[0].type = 'ORGANIZATION';
    expect(accountVerdict(control, facts(value)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no analyzer', () => {
    const v = accountVerdict(control, facts({ analyzers: [] }));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Account 123456789012 has no IAM Access Analyzer for external access in eu-west-1.');
  });

  it('non-compliant: only an unused-access analyzer', () => {
    const value = analyzers();
    value.analyzers.shift();
    expect(accountVerdict(control, facts(value)).annotation).toBe(
      'Account 123456789012 has no IAM Access Analyzer for external access in eu-west-1 (only UnusedAccess-90d of type ACCOUNT_UNUSED_ACCESS).',
    );
  });

  it('non-compliant: the external access analyzer is not active', () => {
    const value = analyzers();
    value.analyzers[0].status = 'FAILED';
    expect(accountVerdict(control, facts(value)).annotation).toBe(
      'No external access analyzer is active in eu-west-1: ExternalAccess-ConsoleAnalyzer-eu-west-1 is FAILED.',
    );
  });

  it('insufficient data: no analyzers fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
