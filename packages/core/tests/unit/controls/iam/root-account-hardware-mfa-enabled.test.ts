import { describe, expect, it } from 'vitest';
import { rootAccountHardwareMfaEnabled as control } from '../../../../src/controls/iam/root-account-hardware-mfa-enabled.js';
import { AccountSummaryFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem } from '../../../helpers.js';

const summary = (over: Record<string, unknown> = {}) =>
  factItem(AccountSummaryFact, {
    accountMfaEnabled: true,
    accountAccessKeysPresent: false,
    rootVirtualMfa: false,
    ...over,
  });

describe('root-account-hardware-mfa-enabled', () => {
  it('compliant: MFA enabled and no virtual device for the root user', () => {
    const v = accountVerdict(control, [summary()]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceId: ACCOUNT, region: 'global' });
    expect(v.annotation).toBe(`The root user of account ${ACCOUNT} uses a hardware MFA device.`);
  });

  it('non-compliant: no MFA device', () => {
    const v = accountVerdict(control, [summary({ accountMfaEnabled: false })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`The root user of account ${ACCOUNT} has no MFA device.`);
  });

  it('non-compliant: a virtual MFA device', () => {
    const v = accountVerdict(control, [summary({ rootVirtualMfa: true })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`The root user of account ${ACCOUNT} uses a virtual MFA device, not a hardware one.`);
  });

  it('insufficient data: MFA enabled but the device kind is unknown', () => {
    for (const fact of [
      summary({ rootVirtualMfa: null }),
      factItem(AccountSummaryFact, { accountMfaEnabled: true, accountAccessKeysPresent: false }),
    ]) {
      const v = accountVerdict(control, [fact]);
      expect(v.compliance).toBe('INSUFFICIENT_DATA');
      expect(v.annotation).toBe(
        `The root user of account ${ACCOUNT} has MFA, but whether it is a virtual device is unknown (iam:ListVirtualMFADevices was not read).`,
      );
    }
  });

  it('insufficient data: no account summary in the input', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
