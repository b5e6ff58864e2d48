import { describeStatement, type Statement, statementCoversAction } from '../../iam/policy.js';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import type { KmsKeyConfiguration } from './key-configuration.js';
import { keyPolicy } from './key-policy.js';

/**
 * Principals of an Allow statement that are broader than the key account's root. The account root
 * (`arn:aws:iam::<account>:root` or the bare account id) is what the default key policy names: it
 * hands access decisions to the account's IAM policies, so it is the baseline, not a finding.
 */
function broadPrincipals(statement: Statement, account: string): string[] {
  if (statement.notPrincipals !== undefined) return ['every principal but those in NotPrincipal'];
  const out: string[] = [];
  for (const [kind, values] of Object.entries(statement.principals ?? {})) {
    for (const value of values) {
      if (kind === 'AWS' && (value === account || isAccountRoot(value, account))) continue;
      out.push(kind === '*' || kind === 'AWS' ? value : `${kind} ${value}`);
    }
  }
  return out;
}

/** `arn:<partition>:iam::<account>:root`, in any AWS partition (`aws`, `aws-cn`, `aws-us-gov`, ...). */
function isAccountRoot(value: string, account: string): boolean {
  const suffix = `:iam::${account}:root`;
  if (!value.startsWith('arn:aws') || !value.endsWith(suffix)) return false;
  const partitionTail = value.slice('arn:aws'.length, value.length - suffix.length);
  return /^[a-z-]*$/.test(partitionTail);
}

export const kmsKeyPolicyNoBroadFullAccess = defineControl({
  id: 'kms-key-policy-no-broad-full-access',
  title: 'KMS key policies grant all KMS actions only to the key account root',
  description:
    'Checks whether a KMS key policy allows all KMS actions (kms:* or *, or a NotAction that leaves them all) to any principal other than the account root of the key: "*", wildcards, NotPrincipal, other accounts, IAM users or roles, services. Conditions do not narrow kms:*.',
  area: 'data-protection',
  severity: 'HIGH',
  resourceTypes: ['AWS::KMS::Key'],
  wellArchitected: ['SEC08-BP01', 'SEC03-BP02'],
  rationale: {
    'SEC08-BP01': 'Key policies keep key administration and use separate instead of granting kms:* to everyone.',
    'SEC03-BP02': 'Only the account root holds all KMS actions on the key; other principals get specific ones.',
  },
  trigger: 'change',
  remediation: {
    text: 'Give key administrators and key users only the actions they need (the key policy sections for administrators and users), and keep kms:* for the account root alone.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
  },
  evaluate(item) {
    const key = item.config<KmsKeyConfiguration>();
    const id = key.keyId ?? item.resourceId;
    const policy = keyPolicy(item);
    if (policy === undefined) {
      return insufficientData(
        `The configuration item of KMS key ${id} does not carry its key policy (supplementaryConfiguration.Policy).`,
      );
    }
    const grants: string[] = [];
    policy.statements.forEach((s, i) => {
      if (s.effect !== 'Allow' || !statementCoversAction(s, 'kms:*')) return;
      const broad = broadPrincipals(s, item.accountId);
      if (broad.length > 0) grants.push(`${describeStatement(s, i)} to ${broad.join(', ')}`);
    });
    if (grants.length > 0) {
      return nonCompliant(
        `The key policy of KMS key ${id} grants all KMS actions beyond the account root: ${grants.join('; ')}.`,
      );
    }
    return compliant(`The key policy of KMS key ${id} grants all KMS actions to the account root only.`);
  },
});
