import { describe, expect, it } from 'vitest';
import { rootAccountMfaEnabled as control } from '../../../../src/controls/iam/root-account-mfa-enabled.js';
import { AccountSummaryFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem } from '../../../helpers.js';

const summary = (over: Record<string, unknown> = {}) =>
  factItem(AccountSummaryFact, {
    accountMfaEnabled: true,
    accountAccessKeysPresent: false,
    rootVirtualMfa: true,
    ...over,
  });

describe('root-account-mfa-enabled', () => {
  it('compliant: MFA enabled (virtual or hardware)', () => {
    const v = accountVerdict(control, [summary()]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceId: ACCOUNT, region: 'global' });
    expect(v.annotation).toBe(`The root user of account ${ACCOUNT} has MFA enabled.`);
  });

  it('non-compliant: no MFA device', () => {
    const v = accountVerdict(control, [summary({ accountMfaEnabled: false, rootVirtualMfa: null })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`The root user of account ${ACCOUNT} has no MFA device.`);
  });

  it('insufficient data: no account summary in the input', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
