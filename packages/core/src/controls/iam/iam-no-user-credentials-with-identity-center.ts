import * as z from 'zod';
import { CredentialReportFact, type CredentialReportUser, SsoInstancesFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant, notApplicable, param } from '../../model/control.js';
import { GLOBAL_REGION } from '../../model/types.js';
import { type IamRoleConfiguration, plural, shortList } from './iam-configuration.js';

const ROLE = 'AWS::IAM::Role';
/** IAM Identity Center provisions a role per permission set under this path in every account it serves. */
const SSO_ROLE_PATH = '/aws-reserved/sso.amazonaws.com/';

/** The long-term credentials of a credential report row: console password, active access keys. */
function credentials(user: CredentialReportUser): string[] {
  const out: string[] = [];
  if (user.passwordEnabled) out.push('password');
  if (user.accessKey1Active) out.push('access key 1');
  if (user.accessKey2Active) out.push('access key 2');
  return out;
}

export const iamNoUserCredentialsWithIdentityCenter = defineControl({
  id: 'iam-no-user-credentials-with-identity-center',
  title: 'No IAM user has long-term credentials where IAM Identity Center provides access',
  description:
    'Checks whether IAM users have console passwords or active access keys in an account that IAM Identity Center serves (an Identity Center instance is visible, or AWSReservedSSO_ roles exist). Users named in allowedUserNames (break-glass) are exempt.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC02-BP04', 'SEC02-BP02'],
  rationale: {
    'SEC02-BP04':
      'Where IAM Identity Center provides access, people sign in through it rather than with IAM user passwords.',
    'SEC02-BP02':
      'No long-lived IAM user access keys exist alongside the temporary credentials Identity Center issues.',
  },
  trigger: 'periodic',
  needs: [SsoInstancesFact.type, CredentialReportFact.type, ROLE],
  scope: 'global',
  parameters: z.strictObject({ allowedUserNames: param.csv() }),
  remediation: {
    text: 'Give people access through IAM Identity Center permission sets and workloads through roles, then delete the IAM users\u2019 passwords and access keys (keep a documented break-glass user if you need one).',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp',
  },
  evaluate(item, ctx) {
    const sso = ctx.fact(SsoInstancesFact);
    const instance = sso.found ? sso.value.instances.find((i) => i.status === 'ACTIVE') : undefined;
    const ssoRole = ctx
      .items(ROLE, { region: GLOBAL_REGION })
      .find((r) => !r.deleted && (r.config<IamRoleConfiguration>().path ?? '').startsWith(SSO_ROLE_PATH));
    if (instance === undefined && ssoRole === undefined) {
      if (!sso.found) return insufficientData(sso.reason);
      return notApplicable(`Account ${item.accountId} does not use IAM Identity Center.`);
    }
    const how =
      instance !== undefined
        ? `IAM Identity Center instance ${instance.instanceArn.slice(instance.instanceArn.lastIndexOf('/') + 1)}`
        : `IAM Identity Center (role ${ssoRole!.config<IamRoleConfiguration>().roleName ?? ssoRole!.resourceName})`;
    const allowed = new Set(ctx.params.allowedUserNames);
    const { users } = ctx.require(CredentialReportFact);
    const holders = users
      .filter((u) => u.user !== '<root_account>' && !allowed.has(u.user))
      .map((u) => ({ user: u.user, creds: credentials(u) }))
      .filter((u) => u.creds.length > 0);
    if (holders.length === 0) {
      return compliant(`Account ${item.accountId} uses ${how} and no IAM user has a password or active access key.`);
    }
    return nonCompliant(
      `Account ${item.accountId} uses ${how}, but ${plural(holders.length, 'IAM user')} ${holders.length === 1 ? 'keeps' : 'keep'} long-term credentials: ${shortList(
        holders.map((h) => `${h.user} (${h.creds.join(', ')})`),
        3,
      )}.`,
    );
  },
});
