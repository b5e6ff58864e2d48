import * as z from 'zod';
import { S3AccountPublicAccessBlockFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { PUBLIC_ACCESS_BLOCK_FLAGS } from './bucket-configuration.js';

export const s3AccountLevelPublicAccessBlocksPeriodic = defineControl({
  id: 's3-account-level-public-access-blocks-periodic',
  title: 'S3 Block Public Access is turned on at account level',
  description:
    'Checks whether the account-level S3 Block Public Access settings turn on BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets (each required unless its parameter is False). Accounts in excludedAccounts are not evaluated.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC03-BP05', 'SEC03-BP07', 'SEC08-BP04'],
  rationale: {
    'SEC03-BP05': 'Account-level Block Public Access is a guardrail no bucket policy or ACL can override.',
    'SEC03-BP07': 'Public access through bucket policies and ACLs is blocked for every bucket of the account.',
    'SEC08-BP04': 'Bucket data cannot be opened to the public by a policy or ACL change.',
  },
  references: {
    awsConfigRules: ['s3-account-level-public-access-blocks-periodic'],
    securityHub: ['S3.1'],
    cis: ['2.1.4'],
  },
  trigger: 'periodic',
  needs: [S3AccountPublicAccessBlockFact.type],
  scope: 'global',
  parameters: z.strictObject({
    IgnorePublicAcls: param.bool(true),
    BlockPublicPolicy: param.bool(true),
    BlockPublicAcls: param.bool(true),
    RestrictPublicBuckets: param.bool(true),
    excludedAccounts: param.csv(),
  }),
  remediation: {
    text: 'Turn on all four S3 Block Public Access settings for the account (the Rampart baseline account guardrails do this).',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  },
  evaluate(item, ctx) {
    if (ctx.params.excludedAccounts.includes(item.accountId)) {
      return notApplicable(`Account ${item.accountId} is listed in excludedAccounts.`);
    }
    const { configuration } = ctx.require(S3AccountPublicAccessBlockFact);
    if (configuration === null) {
      return nonCompliant(`Account ${item.accountId} has no account-level S3 Block Public Access configuration.`);
    }
    // A parameter set to False means "not enforced", not "must be off".
    const off = PUBLIC_ACCESS_BLOCK_FLAGS.filter(([name, field]) => ctx.params[name] && !configuration[field]).map(
      ([name]) => name,
    );
    if (off.length > 0) {
      return nonCompliant(`Account ${item.accountId} has S3 Block Public Access off for ${off.join(', ')}.`);
    }
    return compliant(`Account ${item.accountId} has the required S3 Block Public Access settings on.`);
  },
});
