import { ShieldSubscriptionFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';

export const shieldDrtAccess = defineControl({
  id: 'shield-drt-access',
  title: 'The Shield Response Team can access the account during a DDoS event',
  description:
    'Checks whether an account with Shield Advanced has authorized the Shield Response Team (SRT) with an IAM role, so the SRT can mitigate attacks on your behalf. Accounts without Shield Advanced are not applicable.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  scope: 'global',
  wellArchitected: ['SEC10-BP05'],
  rationale: {
    'SEC10-BP05': 'The Shield Response Team holds pre-authorized role access before a DDoS event.',
  },
  references: { awsConfigRules: ['shield-drt-access'] },
  trigger: 'periodic',
  needs: [ShieldSubscriptionFact.type],
  remediation: {
    text: 'Authorize the SRT with a role that has the AWSShieldDRTAccessPolicy managed policy, and grant it read access to your WAF and flow log buckets.',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/ddos-srt-access.html',
  },
  evaluate(item, ctx) {
    const shield = ctx.require(ShieldSubscriptionFact);
    if (shield.subscriptionState !== 'ACTIVE') {
      return notApplicable(`Account ${item.accountId} has no active Shield Advanced subscription.`);
    }
    const role = shield.drtAccess?.roleArn;
    if (!role) return nonCompliant(`Shield Response Team access is not configured in account ${item.accountId}.`);
    const buckets = shield.drtAccess?.logBucketList ?? [];
    const logs = buckets.length > 0 ? ` and log buckets ${buckets.join(', ')}` : '';
    return compliant(`Shield Response Team can access account ${item.accountId} through role ${role}${logs}.`);
  },
});
