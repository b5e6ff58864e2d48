import { describe, expect, it } from 'vitest';
import { iamRootAccessKeyCheck as control } from '../../../../src/controls/iam/iam-root-access-key-check.js';
import { AccountSummaryFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem } from '../../../helpers.js';

const summary = (over: Record<string, unknown> = {}) =>
  factItem(AccountSummaryFact, {
    accountMfaEnabled: true,
    accountAccessKeysPresent: false,
    accountSigningCertificatesPresent: false,
    rootVirtualMfa: false,
    users: 14,
    roles: 87,
    policies: 31,
    ...over,
  });

describe('iam-root-access-key-check', () => {
  it('compliant: the root user has no access keys', () => {
    const v = accountVerdict(control, [summary()]);
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::::Account',
      resourceId: ACCOUNT,
      region: 'global',
    });
    expect(v.annotation).toBe(`The root user of account ${ACCOUNT} has no access keys.`);
  });

  it('non-compliant: the root user has access keys', () => {
    const v = accountVerdict(control, [summary({ accountAccessKeysPresent: true })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`The root user of account ${ACCOUNT} has access keys.`);
  });

  it('insufficient data: no account summary in the input', () => {
    const v = accountVerdict(control, []);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(`The input holds no Rampart::IAM::AccountSummary fact for account ${ACCOUNT}.`);
  });

  it('insufficient data: the account summary could not be read', () => {
    const v = accountVerdict(control, [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: 'global',
          service: 'iam',
          operation: 'GetAccountSummary',
          resourceTypes: ['Rampart::IAM::AccountSummary'],
          code: 'AccessDenied',
          message: 'not authorized to perform iam:GetAccountSummary',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toContain('iam GetAccountSummary failed with AccessDenied');
  });
});
