import { ShieldSubscriptionFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const shieldAdvancedEnabledAutorenew = defineControl({
  id: 'shield-advanced-enabled-autorenew',
  title: 'Shield Advanced is enabled and its subscription renews automatically',
  description:
    'Checks whether the account has an active AWS Shield Advanced subscription with auto-renew enabled, so that DDoS protection for internet-facing resources does not lapse.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  scope: 'global',
  wellArchitected: ['SEC05-BP04'],
  rationale: {
    'SEC05-BP04':
      'Shield Advanced applies automatic DDoS detection and mitigation, and its subscription does not lapse.',
  },
  references: { awsConfigRules: ['shield-advanced-enabled-autorenew'] },
  trigger: 'periodic',
  needs: [ShieldSubscriptionFact.type],
  remediation: {
    text: 'Subscribe to Shield Advanced for accounts with internet-facing workloads (the Rampart baseline Shield component does this) and keep auto-renew enabled.',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/enable-ddos-prem.html',
  },
  evaluate(item, ctx) {
    const shield = ctx.require(ShieldSubscriptionFact);
    if (shield.subscriptionState !== 'ACTIVE') {
      return nonCompliant(`Account ${item.accountId} has no active Shield Advanced subscription.`);
    }
    const autoRenew = shield.subscription?.autoRenew;
    if (autoRenew !== 'ENABLED') {
      const end = shield.subscription?.endTime ? ` (ends ${shield.subscription.endTime.slice(0, 10)})` : '';
      return nonCompliant(
        `Shield Advanced subscription of account ${item.accountId} does not renew automatically${end}.`,
      );
    }
    return compliant(`Shield Advanced is active in account ${item.accountId} and renews automatically.`);
  },
});
