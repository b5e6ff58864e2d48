import { AccountSummaryFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const iamRootAccessKeyCheck = defineControl({
  id: 'iam-root-access-key-check',
  title: 'The root user has no access keys',
  description:
    'Checks whether the root user of the account has access keys (AccountAccessKeysPresent in the IAM account summary).',
  area: 'iam',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC01-BP02', 'SEC02-BP02'],
  rationale: {
    'SEC01-BP02': 'The root user has no access keys, removing a long-lived credential with unrestricted access.',
    'SEC02-BP02': 'No long-term root credentials exist for programmatic use.',
  },
  references: { awsConfigRules: ['iam-root-access-key-check'], securityHub: ['IAM.4'], cis: ['1.4'] },
  trigger: 'periodic',
  needs: [AccountSummaryFact.type],
  scope: 'global',
  remediation: {
    text: 'Sign in as the root user and delete its access keys; use IAM roles with temporary credentials for programmatic access.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  evaluate(item, ctx) {
    const summary = ctx.require(AccountSummaryFact);
    if (summary.accountAccessKeysPresent) {
      return nonCompliant(`The root user of account ${item.accountId} has access keys.`);
    }
    return compliant(`The root user of account ${item.accountId} has no access keys.`);
  },
});
