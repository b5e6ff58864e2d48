import * as z from 'zod';
import { CredentialReportFact, type CredentialReportUser } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { daysSince, isoDay, perIamUser } from './credential-report.js';
import { IAM_USER_TYPE } from './iam-configuration.js';

interface Credential {
  label: string;
  lastUsed: string | null | undefined;
  /** When it was created: a credential never used counts from here. */
  since: string | null | undefined;
}

function credentials(user: CredentialReportUser): Credential[] {
  const out: Credential[] = [];
  if (user.passwordEnabled) {
    out.push({
      label: 'password',
      lastUsed: user.passwordLastUsed,
      since: user.passwordLastChanged ?? user.userCreationTime,
    });
  }
  if (user.accessKey1Active) {
    out.push({ label: 'access key 1', lastUsed: user.accessKey1LastUsedDate, since: user.accessKey1LastRotated });
  }
  if (user.accessKey2Active) {
    out.push({ label: 'access key 2', lastUsed: user.accessKey2LastUsedDate, since: user.accessKey2LastRotated });
  }
  return out;
}

export const iamUserUnusedCredentialsCheck = defineControl({
  id: 'iam-user-unused-credentials-check',
  title: 'IAM user passwords and active access keys unused for longer than the maximum age are removed',
  description:
    'Checks whether IAM users have a console password or active access keys not used within maxCredentialUsageAge days (never-used ones count from their creation), from the IAM credential report. Reports on each IAM user.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC02-BP05', 'SEC03-BP06'],
  rationale: {
    'SEC02-BP05': 'Passwords and access keys unused for longer than the maximum age are found for removal.',
    'SEC03-BP06': 'Credentials of people who no longer use them are removed, ending access with the need.',
  },
  references: {
    awsConfigRules: ['iam-user-unused-credentials-check'],
    securityHub: ['IAM.8', 'IAM.22'],
    cis: ['1.12'],
  },
  trigger: 'periodic',
  needs: [CredentialReportFact.type, IAM_USER_TYPE],
  scope: 'global',
  parameters: z.strictObject({ maxCredentialUsageAge: param.int(90, { min: 1 }) }),
  remediation: {
    text: 'Remove the console password and deactivate or delete the access keys the user no longer uses; remove users nobody needs.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  },
  evaluate(item, ctx) {
    const report = ctx.require(CredentialReportFact);
    const max = ctx.params.maxCredentialUsageAge;
    return perIamUser(item, ctx, report.users, (user) => {
      const creds = credentials(user);
      if (creds.length === 0) return compliant(`IAM user ${user.user} has no password or active access keys.`);
      const unused: string[] = [];
      for (const c of creds) {
        const used = daysSince(c.lastUsed, ctx.now);
        if (used !== undefined) {
          if (used > max) unused.push(`${c.label} (last used ${isoDay(c.lastUsed!)})`);
          continue;
        }
        const age = daysSince(c.since, ctx.now);
        if (age !== undefined && age > max) unused.push(`${c.label} (never used, since ${isoDay(c.since!)})`);
      }
      if (unused.length > 0) {
        return nonCompliant(
          `IAM user ${user.user} has credentials unused for more than ${max} days: ${unused.join(', ')}.`,
        );
      }
      return compliant(`The credentials of IAM user ${user.user} were used within ${max} days.`);
    });
  },
});
