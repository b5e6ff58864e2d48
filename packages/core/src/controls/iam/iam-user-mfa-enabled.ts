import { CredentialReportFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { perIamUser } from './credential-report.js';
import { IAM_USER_TYPE } from './iam-configuration.js';

export const iamUserMfaEnabled = defineControl({
  id: 'iam-user-mfa-enabled',
  title: 'IAM users have MFA enabled',
  description:
    'Checks whether every IAM user has multi-factor authentication (MFA) enabled, from the IAM credential report, whether or not the user has a console password. Reports on each IAM user.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC02-BP01'],
  rationale: {
    'SEC02-BP01': 'Every IAM user has an MFA device.',
  },
  references: { awsConfigRules: ['iam-user-mfa-enabled'] },
  trigger: 'periodic',
  needs: [CredentialReportFact.type, IAM_USER_TYPE],
  scope: 'global',
  remediation: {
    text: 'Assign an MFA device to every IAM user, or replace IAM users with IAM Identity Center users and roles.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  },
  evaluate(item, ctx) {
    const report = ctx.require(CredentialReportFact);
    return perIamUser(item, ctx, report.users, (user) => {
      if (!user.mfaActive) return nonCompliant(`IAM user ${user.user} has no MFA device.`);
      return compliant(`IAM user ${user.user} has MFA enabled.`);
    });
  },
});
