import { describe, expect, it } from 'vitest';
import { shieldDrtAccess as control } from '../../../../src/controls/shield/shield-drt-access.js';
import { ShieldSubscriptionFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem } from '../../../helpers.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/rampart-shield-srt`;
const subscription = (over: Record<string, unknown> = {}) =>
  factItem(ShieldSubscriptionFact, {
    subscriptionState: 'ACTIVE',
    subscription: { autoRenew: 'ENABLED' },
    drtAccess: { roleArn: ROLE, logBucketList: ['rampart-waf-logs-123456789012'] },
    protections: null,
    ...over,
  });

describe('shield-drt-access', () => {
  it('compliant: the SRT role and a log bucket are configured', () => {
    const v = accountVerdict(control, [subscription()]);
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      `Shield Response Team can access account ${ACCOUNT} through role ${ROLE} and log buckets rampart-waf-logs-123456789012.`,
    );
  });

  it('compliant: a role without log buckets', () => {
    const v = accountVerdict(control, [subscription({ drtAccess: { roleArn: ROLE, logBucketList: [] } })]);
    expect(v.annotation).toBe(`Shield Response Team can access account ${ACCOUNT} through role ${ROLE}.`);
  });

  it('non-compliant: no SRT role', () => {
    const v = accountVerdict(control, [subscription({ drtAccess: { roleArn: null, logBucketList: [] } })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Shield Response Team access is not configured in account ${ACCOUNT}.`);
  });

  it('non-compliant: DRT access never read as configured', () => {
    expect(accountVerdict(control, [subscription({ drtAccess: null })]).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: no Shield Advanced subscription', () => {
    const v = accountVerdict(control, [subscription({ subscriptionState: 'INACTIVE', subscription: null })]);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no active Shield Advanced subscription.`);
  });
});
