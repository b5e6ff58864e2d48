import { describe, expect, it } from 'vitest';
import { shieldAdvancedEnabledAutorenew as control } from '../../../../src/controls/shield/shield-advanced-enabled-autorenew.js';
import { ShieldSubscriptionFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem } from '../../../helpers.js';

const subscription = (over: Record<string, unknown> = {}, autoRenew = 'ENABLED') =>
  factItem(ShieldSubscriptionFact, {
    subscriptionState: 'ACTIVE',
    subscription: {
      startTime: '2026-01-15T00:00:00Z',
      endTime: '2027-01-15T00:00:00Z',
      autoRenew,
      subscriptionArn: `arn:aws:shield::${ACCOUNT}:subscription/1a2b3c4d5e6f`,
      proactiveEngagementStatus: 'ENABLED',
    },
    drtAccess: { roleArn: `arn:aws:iam::${ACCOUNT}:role/rampart-shield-srt`, logBucketList: [] },
    protections: [],
    ...over,
  });

describe('shield-advanced-enabled-autorenew', () => {
  it('compliant: active subscription that renews', () => {
    const v = accountVerdict(control, [subscription()]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'global' });
    expect(v.annotation).toBe(`Shield Advanced is active in account ${ACCOUNT} and renews automatically.`);
  });

  it('non-compliant: no subscription', () => {
    const v = accountVerdict(control, [subscription({ subscriptionState: 'INACTIVE', subscription: null })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no active Shield Advanced subscription.`);
  });

  it('non-compliant: auto-renew disabled', () => {
    const v = accountVerdict(control, [subscription({}, 'DISABLED')]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Shield Advanced subscription of account ${ACCOUNT} does not renew automatically (ends 2027-01-15).`,
    );
  });

  it('insufficient data: no Shield fact', () => {
    expect(accountVerdict(control, [], { with: [] }).compliance).toBe('INSUFFICIENT_DATA');
  });
});
