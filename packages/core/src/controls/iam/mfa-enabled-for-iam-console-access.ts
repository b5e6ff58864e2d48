import { CredentialReportFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { perIamUser } from './credential-report.js';
import { IAM_USER_TYPE } from './iam-configuration.js';

export const mfaEnabledForIamConsoleAccess = defineControl({
  id: 'mfa-enabled-for-iam-console-access',
  title: 'IAM users with a console password have MFA enabled',
  description:
    'Checks whether every IAM user that has a console password has multi-factor authentication (MFA) enabled, from the IAM credential report. Reports on each IAM user.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC02-BP01'],
  rationale: {
    'SEC02-BP01': 'Every IAM user with a console password signs in with MFA.',
  },
  references: { awsConfigRules: ['mfa-enabled-for-iam-console-access'], securityHub: ['IAM.5'], cis: ['1.10'] },
  trigger: 'periodic',
  needs: [CredentialReportFact.type, IAM_USER_TYPE],
  scope: 'global',
  remediation: {
    text: 'Assign an MFA device to every user with console access (or enforce MFA with a policy), or remove console passwords and sign in through IAM Identity Center.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  },
  evaluate(item, ctx) {
    const report = ctx.require(CredentialReportFact);
    return perIamUser(item, ctx, report.users, (user) => {
      if (!user.passwordEnabled) return compliant(`IAM user ${user.user} has no console password.`);
      if (!user.mfaActive) return nonCompliant(`IAM user ${user.user} has a console password but no MFA device.`);
      return compliant(`IAM user ${user.user} has a console password and MFA enabled.`);
    });
  },
});
