import * as z from 'zod';
import { PasswordPolicyFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

export const iamPasswordPolicy = defineControl({
  id: 'iam-password-policy',
  title: 'The IAM account password policy meets the length, complexity, reuse and expiry requirements',
  description:
    'Checks whether the account password policy for IAM users requires uppercase and lowercase letters, symbols and numbers, a minimum length, prevents reuse of recent passwords and expires passwords, as the parameters set. No policy is non-compliant.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC02-BP01'],
  rationale: {
    'SEC02-BP01': 'The account password policy enforces length, complexity, reuse and expiry for IAM user passwords.',
  },
  references: {
    awsConfigRules: ['iam-password-policy'],
    securityHub: ['IAM.7', 'IAM.15', 'IAM.16'],
    cis: ['1.8', '1.9'],
  },
  trigger: 'periodic',
  needs: [PasswordPolicyFact.type],
  scope: 'global',
  parameters: z.strictObject({
    RequireUppercaseCharacters: param.bool(true),
    RequireLowercaseCharacters: param.bool(true),
    RequireSymbols: param.bool(true),
    RequireNumbers: param.bool(true),
    MinimumPasswordLength: param.int(14, { min: 0 }),
    PasswordReusePrevention: param.int(24, { min: 0 }),
    MaxPasswordAge: param.int(90, { min: 0 }),
  }),
  remediation: {
    text: 'Set an account password policy that requires at least 14 characters with all character types, remembers 24 passwords and expires passwords after 90 days; prefer federated sign-in over IAM users.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  },
  evaluate(item, ctx) {
    const { policy } = ctx.require(PasswordPolicyFact);
    if (policy === null) {
      return nonCompliant(`Account ${item.accountId} has no IAM password policy, so the IAM default applies.`);
    }
    const p = ctx.params;
    const gaps: string[] = [];
    if (p.RequireUppercaseCharacters && policy.requireUppercaseCharacters !== true) gaps.push('uppercase not required');
    if (p.RequireLowercaseCharacters && policy.requireLowercaseCharacters !== true) gaps.push('lowercase not required');
    if (p.RequireSymbols && policy.requireSymbols !== true) gaps.push('symbols not required');
    if (p.RequireNumbers && policy.requireNumbers !== true) gaps.push('numbers not required');
    const length = policy.minimumPasswordLength ?? 8;
    if (length < p.MinimumPasswordLength) gaps.push(`minimum length ${length} < ${p.MinimumPasswordLength}`);
    const reuse = policy.passwordReusePrevention ?? 0;
    if (reuse < p.PasswordReusePrevention) gaps.push(`reuse prevention ${reuse} < ${p.PasswordReusePrevention}`);
    const maxAge = policy.expirePasswords === false ? undefined : policy.maxPasswordAge;
    if (maxAge === undefined || maxAge === 0) gaps.push(`passwords never expire (max ${p.MaxPasswordAge} days)`);
    else if (maxAge > p.MaxPasswordAge) gaps.push(`max age ${maxAge} > ${p.MaxPasswordAge} days`);
    if (gaps.length > 0) {
      return nonCompliant(`The IAM password policy of account ${item.accountId} falls short: ${gaps.join('; ')}.`);
    }
    return compliant(`The IAM password policy of account ${item.accountId} meets every requirement.`);
  },
});
