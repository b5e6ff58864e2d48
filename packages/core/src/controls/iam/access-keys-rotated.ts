import * as z from 'zod';
import { CredentialReportFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant, param } from '../../model/control.js';
import { daysSince, isoDay, perIamUser } from './credential-report.js';
import { IAM_USER_TYPE } from './iam-configuration.js';

export const accessKeysRotated = defineControl({
  id: 'access-keys-rotated',
  title: 'Active IAM access keys are rotated within the maximum key age',
  description:
    'Checks whether the active access keys of every IAM user were rotated (created) within maxAccessKeyAge days, from the IAM credential report. Reports on each IAM user.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC02-BP05'],
  rationale: {
    'SEC02-BP05': 'Active access keys older than the maximum age are found from the credential report.',
  },
  references: { awsConfigRules: ['access-keys-rotated'], securityHub: ['IAM.3'], cis: ['1.14'] },
  trigger: 'periodic',
  needs: [CredentialReportFact.type, IAM_USER_TYPE],
  scope: 'global',
  parameters: z.strictObject({ maxAccessKeyAge: param.int(90, { min: 1 }) }),
  remediation: {
    text: 'Create a new access key, move the application to it, deactivate and then delete the old key; better, replace long-term keys with IAM roles.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  },
  evaluate(item, ctx) {
    const report = ctx.require(CredentialReportFact);
    const max = ctx.params.maxAccessKeyAge;
    return perIamUser(item, ctx, report.users, (user) => {
      const keys = [
        { n: 1, active: user.accessKey1Active, rotated: user.accessKey1LastRotated },
        { n: 2, active: user.accessKey2Active, rotated: user.accessKey2LastRotated },
      ].filter((k) => k.active);
      if (keys.length === 0) return compliant(`IAM user ${user.user} has no active access keys.`);
      const old: string[] = [];
      for (const key of keys) {
        const age = daysSince(key.rotated, ctx.now);
        if (age === undefined) {
          return insufficientData(
            `The credential report has no rotation date for active access key ${key.n} of IAM user ${user.user}.`,
          );
        }
        if (age > max) old.push(`key ${key.n} rotated ${isoDay(key.rotated!)} (${age} days ago)`);
      }
      if (old.length > 0) {
        return nonCompliant(`IAM user ${user.user} has access keys older than ${max} days: ${old.join(', ')}.`);
      }
      return compliant(`The active access keys of IAM user ${user.user} were rotated within ${max} days.`);
    });
  },
});
