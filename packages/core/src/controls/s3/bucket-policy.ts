import type { ConfigItem } from '../../ci/config-item.js';
import { type PolicyDocument, parsePolicy, type Statement, statementCoversAction } from '../../iam/policy.js';

/** The bucket policy from `supplementaryConfiguration.BucketPolicy.policyText` (a JSON string), if any. */
export function bucketPolicy(item: ConfigItem): PolicyDocument | undefined {
  const holder = item.supplementary<{ policyText?: string | null }>('BucketPolicy');
  const text = holder?.policyText;
  if (text === undefined || text === null || text === '') return undefined;
  return parsePolicy(text, `bucket policy of ${item.resourceId}`);
}

function conditionValues(statement: Statement, operatorPrefix: string, key: string): string[] {
  const out: string[] = [];
  for (const [op, keys] of Object.entries(statement.condition)) {
    if (!op.toLowerCase().startsWith(operatorPrefix.toLowerCase())) continue;
    for (const [k, values] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) out.push(...values);
  }
  return out;
}

/**
 * Whether the policy denies `s3:PutObject` without server-side encryption: a Deny with
 * `Null {"s3:x-amz-server-side-encryption": "true"}` or `StringNotEquals` on that key.
 */
export function deniesUnencryptedPuts(policy: PolicyDocument): boolean {
  return policy.statements.some((s) => {
    if (s.effect !== 'Deny' || !statementCoversAction(s, 's3:PutObject')) return false;
    const nullCheck = conditionValues(s, 'Null', 's3:x-amz-server-side-encryption');
    const notEquals = conditionValues(s, 'StringNotEquals', 's3:x-amz-server-side-encryption');
    return nullCheck.includes('true') || notEquals.some((v) => v === 'AES256' || v.startsWith('aws:kms'));
  });
}
