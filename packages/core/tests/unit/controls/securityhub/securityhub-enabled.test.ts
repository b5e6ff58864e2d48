import { describe, expect, it } from 'vitest';
import { securityhubEnabled as control } from '../../../../src/controls/securityhub/securityhub-enabled.js';
import { SecurityHubStatusFact } from '../../../../src/index.js';
import { accountVerdict, factItem } from '../../../helpers.js';

describe('securityhub-enabled', () => {
  it('compliant: hub enabled', () => {
    const fact = factItem(SecurityHubStatusFact, {
      enabled: true,
      hubArn: 'arn:aws:securityhub:eu-west-1:123456789012:hub/default',
      standards: [
        {
          standardsArn: 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0',
          status: 'READY',
        },
      ],
    });
    const v = accountVerdict(control, [fact]);
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Security Hub is enabled in eu-west-1 with 1 standard(s).');
  });

  it('non-compliant: hub not enabled', () => {
    const v = accountVerdict(control, [factItem(SecurityHubStatusFact, { enabled: false })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Security Hub is not enabled in account 123456789012 in eu-west-1.');
  });

  it('insufficient data: no fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
