import * as z from 'zod';
import { describeStatement, type Statement, statementCoversAction, wildcardMatch } from '../../iam/policy.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { shortList } from './iam-configuration.js';
import { customerManagedPolicy, isVerdict } from './managed-policy.js';

/** The actions AWS Security Hub's KMS.1 blocks; the managed rule itself has no default. */
const DEFAULT_BLOCKED = ['kms:Decrypt', 'kms:ReEncryptFrom'];

/**
 * Whether a resource value can stand for every KMS key: `*`, or a value with a wildcard or a policy
 * variable that a KMS key ARN can match (`arn:aws:kms:*`, `arn:aws:kms:eu-west-1:123456789012:key/*`,
 * `arn:*`). Alias ARNs are not keys. Only fixed key ARNs limit the grant, as the managed rule reads it.
 */
function coversAllKeys(resource: string): boolean {
  if (resource === '*') return true;
  const cut = resource.search(/[*?]|\$\{/);
  if (cut < 0) return false;
  const prefix = resource.slice(0, cut);
  if (prefix.includes(':alias/')) return false;
  return /^arn:aws[a-z-]*:kms:/.test(prefix) || 'arn:aws:kms:'.startsWith(prefix);
}

function onAllKeys(statement: Statement): boolean {
  if (statement.resources !== undefined) return statement.resources.some(coversAllKeys);
  return statement.notResources !== undefined;
}

/** Whether an Allow statement grants an action the blocked pattern names (either side may hold wildcards). */
function grants(statement: Statement, blocked: string): boolean {
  if (statement.actions !== undefined) {
    return statement.actions.some((a) => wildcardMatch(a, blocked) || wildcardMatch(blocked, a));
  }
  return statementCoversAction(statement, blocked);
}

export const iamCustomerPolicyBlockedKmsActions = defineControl({
  id: 'iam-customer-policy-blocked-kms-actions',
  title: 'Customer managed IAM policies do not allow blocked KMS actions on all KMS keys',
  description:
    'Checks whether the default version of a customer managed IAM policy allows a blocked KMS action (blockedActionsPatterns, by default kms:Decrypt and kms:ReEncryptFrom) on all KMS keys: "*", NotResource, or a key ARN with a wildcard. Conditions are not evaluated.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::IAM::Policy'],
  wellArchitected: ['SEC03-BP02', 'SEC08-BP01'],
  rationale: {
    'SEC03-BP02': 'Policies do not allow decryption on every KMS key in the account.',
    'SEC08-BP01': 'Key usage is granted per key, keeping key access under key-level control.',
  },
  references: { awsConfigRules: ['iam-customer-policy-blocked-kms-actions'], securityHub: ['KMS.1'] },
  trigger: 'change',
  parameters: z.strictObject({
    blockedActionsPatterns: param.csv(DEFAULT_BLOCKED),
    excludePermissionBoundaryPolicy: param.bool(false),
  }),
  remediation: {
    text: 'List the KMS keys the principals need in the Resource element of statements that allow decryption, instead of "*" or wildcard key ARNs.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html',
  },
  evaluate(item, ctx) {
    const doc = customerManagedPolicy(item, ctx.params);
    if (isVerdict(doc)) return doc;
    const blocked = ctx.params.blockedActionsPatterns;
    const found = new Set<string>();
    const where: string[] = [];
    doc.policy.statements.forEach((s, i) => {
      if (s.effect !== 'Allow' || !onAllKeys(s)) return;
      const hits = blocked.filter((b) => grants(s, b));
      if (hits.length === 0) return;
      for (const h of hits) found.add(h);
      where.push(describeStatement(s, i));
    });
    if (found.size > 0) {
      return nonCompliant(
        `IAM policy ${doc.name} allows ${shortList([...found])} on all KMS keys in ${shortList(where)} of its default version ${doc.versionId}.`,
      );
    }
    return compliant(
      `The default version ${doc.versionId} of IAM policy ${doc.name} allows no blocked KMS action (${shortList(blocked)}) on all KMS keys.`,
    );
  },
});
