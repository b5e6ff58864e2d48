import { AccountSummaryFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';

export const rootAccountHardwareMfaEnabled = defineControl({
  id: 'root-account-hardware-mfa-enabled',
  title: 'The root user signs in with a hardware MFA device',
  description:
    'Checks whether the root user of the account has multi-factor authentication enabled with a hardware device: MFA enabled, and no virtual MFA device assigned to the root user.',
  area: 'iam',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC01-BP02', 'SEC02-BP01'],
  rationale: {
    'SEC01-BP02': 'The root user is protected with a hardware MFA device.',
    'SEC02-BP01': 'Root sign-in needs a hardware MFA device, the strongest mechanism for the most powerful user.',
  },
  references: { awsConfigRules: ['root-account-hardware-mfa-enabled'], securityHub: ['IAM.6'], cis: ['1.6'] },
  trigger: 'periodic',
  needs: [AccountSummaryFact.type],
  scope: 'global',
  remediation: {
    text: 'Sign in as the root user, assign a FIDO security key or hardware TOTP token, and remove the virtual MFA device.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html',
  },
  evaluate(item, ctx) {
    const summary = ctx.require(AccountSummaryFact);
    if (!summary.accountMfaEnabled) {
      return nonCompliant(`The root user of account ${item.accountId} has no MFA device.`);
    }
    if (summary.rootVirtualMfa === null) {
      return insufficientData(
        `The root user of account ${item.accountId} has MFA, but whether it is a virtual device is unknown (iam:ListVirtualMFADevices was not read).`,
      );
    }
    if (summary.rootVirtualMfa) {
      return nonCompliant(`The root user of account ${item.accountId} uses a virtual MFA device, not a hardware one.`);
    }
    return compliant(`The root user of account ${item.accountId} uses a hardware MFA device.`);
  },
});
