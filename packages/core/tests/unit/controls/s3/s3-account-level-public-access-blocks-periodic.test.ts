import { describe, expect, it } from 'vitest';
import { s3AccountLevelPublicAccessBlocksPeriodic as control } from '../../../../src/controls/s3/s3-account-level-public-access-blocks-periodic.js';
import { S3AccountPublicAccessBlockFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, type Json } from '../../../helpers.js';

const block = (over: Json = {}) =>
  factItem(S3AccountPublicAccessBlockFact, {
    configuration: {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
      ...over,
    },
  });

describe('s3-account-level-public-access-blocks-periodic', () => {
  it('compliant: all four account-level settings on', () => {
    const v = accountVerdict(control, [block()]);
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::::Account',
      resourceId: ACCOUNT,
      region: 'global',
    });
    expect(v.annotation).toBe(`Account ${ACCOUNT} has the required S3 Block Public Access settings on.`);
  });

  it('non-compliant: no account-level configuration', () => {
    const v = accountVerdict(control, [factItem(S3AccountPublicAccessBlockFact, { configuration: null })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no account-level S3 Block Public Access configuration.`);
  });

  it('non-compliant: BlockPublicPolicy and RestrictPublicBuckets off', () => {
    const v = accountVerdict(control, [block({ blockPublicPolicy: false, restrictPublicBuckets: false })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Account ${ACCOUNT} has S3 Block Public Access off for BlockPublicPolicy, RestrictPublicBuckets.`,
    );
  });

  it('compliant with BlockPublicPolicy=False: that setting is not enforced', () => {
    const v = accountVerdict(control, [block({ blockPublicPolicy: false })], {
      params: { BlockPublicPolicy: 'False' },
    });
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('non-compliant with RestrictPublicBuckets=False: the other settings are still enforced', () => {
    const v = accountVerdict(control, [block({ ignorePublicAcls: false })], {
      params: { RestrictPublicBuckets: 'False' },
    });
    expect(v.annotation).toBe(`Account ${ACCOUNT} has S3 Block Public Access off for IgnorePublicAcls.`);
  });

  it('not applicable with excludedAccounts: the account is excluded', () => {
    const v = accountVerdict(control, [block({ blockPublicAcls: false })], {
      params: { excludedAccounts: `111111111111,${ACCOUNT}` },
    });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Account ${ACCOUNT} is listed in excludedAccounts.`);
  });

  it('rejects a malformed parameter', () => {
    expect(() => control.parseParameters({ BlockPublicAcls: 'yes' })).toThrow(/BlockPublicAcls/);
  });

  it('insufficient data: no account-level block fact in the input', () => {
    const v = accountVerdict(control, []);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(`The input holds no Rampart::S3::AccountPublicAccessBlock fact for account ${ACCOUNT}.`);
  });

  it('insufficient data: the collector was denied', () => {
    const v = accountVerdict(control, [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: 'global',
          service: 's3control',
          operation: 'GetPublicAccessBlock',
          resourceTypes: ['Rampart::S3::AccountPublicAccessBlock'],
          code: 'AccessDenied',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toContain('s3control GetPublicAccessBlock failed with AccessDenied: not authorized');
  });
});
