import { AccountSummaryFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const rootAccountMfaEnabled = defineControl({
  id: 'root-account-mfa-enabled',
  title: 'The root user signs in with multi-factor authentication',
  description:
    'Checks whether the root user of the account has multi-factor authentication (MFA) enabled for console sign-in.',
  area: 'iam',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC01-BP02', 'SEC02-BP01'],
  rationale: {
    'SEC01-BP02': 'The root user is protected with MFA.',
    'SEC02-BP01': 'Root sign-in needs a second factor.',
  },
  references: { awsConfigRules: ['root-account-mfa-enabled'], securityHub: ['IAM.9'], cis: ['1.5'] },
  trigger: 'periodic',
  needs: [AccountSummaryFact.type],
  scope: 'global',
  remediation: {
    text: 'Sign in as the root user and assign an MFA device, preferably a hardware key (FIDO security key or hardware TOTP token).',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  evaluate(item, ctx) {
    const summary = ctx.require(AccountSummaryFact);
    if (!summary.accountMfaEnabled) {
      return nonCompliant(`The root user of account ${item.accountId} has no MFA device.`);
    }
    return compliant(`The root user of account ${item.accountId} has MFA enabled.`);
  },
});
