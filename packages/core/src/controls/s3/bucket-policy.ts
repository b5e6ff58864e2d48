import type { ConfigItem } from '../../ci/config-item.js';
import {
  hasRestrictingCondition,
  isPublicPrincipal,
  type PolicyDocument,
  parsePolicy,
  type Statement,
  statementCoversAction,
  wildcardMatch,
} from '../../iam/policy.js';

/** The bucket policy from `supplementaryConfiguration.BucketPolicy.policyText` (a JSON string), if any. */
export function bucketPolicy(item: ConfigItem): PolicyDocument | undefined {
  return item.derived('s3.bucketPolicy', readBucketPolicy);
}

function readBucketPolicy(item: ConfigItem): PolicyDocument | undefined {
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

/** The bucket's ARN as policies name it (`arn:aws:s3:::name`, other partitions kept). */
export function bucketArn(item: { arn: string | undefined; resourceId: string }): string {
  return item.arn ?? `arn:aws:s3:::${item.resourceId}`;
}

/** How a statement is named in annotations: its Sid, or its position. */
export function statementLabel(statement: Statement, index: number): string {
  return statement.sid ? `statement ${statement.sid}` : `statement ${index + 1}`;
}

/** Actions that read objects or the bucket listing. */
export const PUBLIC_READ_ACTIONS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:ListBucket',
  's3:ListBucketVersions',
  's3:ListBucketMultipartUploads',
];

/** Actions that write or delete objects, or change who may access the bucket. */
export const PUBLIC_WRITE_ACTIONS: readonly string[] = [
  's3:PutObject',
  's3:PutObjectAcl',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:AbortMultipartUpload',
  's3:RestoreObject',
  's3:PutBucketAcl',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:DeleteBucket',
];

/**
 * Whether the principal is public as S3 counts it: `*`, `{"AWS": "*"}`, an Allow with `NotPrincipal`,
 * or an AWS principal with a wildcard (`arn:aws:iam::*:root`), which is not a fixed value.
 */
export function isPublicBucketPrincipal(statement: Statement): boolean {
  if (isPublicPrincipal(statement)) return true;
  const p = statement.principals;
  return p !== undefined && (hasWildcard(p['AWS']) || hasWildcard(p['CanonicalUser']));
}

function hasWildcard(values: readonly string[] | undefined): boolean {
  return values?.some((v) => v.includes('*') || v.includes('?')) === true;
}

/**
 * Whether a condition pins the caller to fixed accounts, networks or organizations. S3 does not count
 * values with policy variables (`${aws:username}`) or wildcards as fixed, so a key with such a value
 * does not count ({@link hasRestrictingCondition} with fixed values only).
 */
export function restrictsToFixedCallers(statement: Statement): boolean {
  return hasRestrictingCondition(statement, true);
}

export interface PublicPolicyGrant {
  /** `statement <Sid>` or `statement <n>`. */
  statement: string;
  /** The statement's own action patterns that grant one of the actions asked about (or its NotAction). */
  actions: string;
  /** `everyone`, or the wildcard principal. */
  principal: string;
}

/** An Allow statement for a public principal with no condition that pins the caller, and its position. */
export interface PublicStatement {
  statement: Statement;
  index: number;
}

/** The policy's statements that open the bucket to the public, whatever the action. */
export function publicStatements(policy: PolicyDocument | undefined): PublicStatement[] {
  const out: PublicStatement[] = [];
  const statements = policy?.statements ?? [];
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    if (statement.effect !== 'Allow' || !isPublicBucketPrincipal(statement) || restrictsToFixedCallers(statement)) {
      continue;
    }
    out.push({ statement, index });
  }
  return out;
}

/** Of the public statements, those that grant any of `actions`, named for an annotation. */
export function publicPolicyGrants(open: readonly PublicStatement[], actions: readonly string[]): PublicPolicyGrant[] {
  const out: PublicPolicyGrant[] = [];
  for (const { statement: s, index } of open) {
    if (!actions.some((a) => statementCoversAction(s, a))) continue;
    const granted =
      s.actions !== undefined
        ? s.actions.filter((pattern) => actions.some((a) => wildcardMatch(pattern, a))).join(', ')
        : `every action except ${(s.notActions ?? []).join(', ')}`;
    out.push({ statement: statementLabel(s, index), actions: granted, principal: principalLabel(s) });
  }
  return out;
}

function principalLabel(statement: Statement): string {
  if (isPublicPrincipal(statement)) return 'everyone';
  const values = [...(statement.principals?.['AWS'] ?? []), ...(statement.principals?.['CanonicalUser'] ?? [])];
  return values.find((v) => v.includes('*') || v.includes('?')) ?? 'everyone';
}

/** Actions a deny of insecure transport must cover: reads, writes, deletes and listing (in effect `s3:*`). */
const TRANSPORT_DENY_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'];

function coversResource(statement: Statement, arn: string): boolean {
  if (statement.resources !== undefined) return statement.resources.some((r) => wildcardMatch(r, arn));
  if (statement.notResources !== undefined) return !statement.notResources.some((r) => wildcardMatch(r, arn));
  return false;
}

/** Whether the statement's condition is exactly `Bool {"aws:SecureTransport": "false"}` (nothing narrows it further). */
function deniesOnlyWhenInsecure(statement: Statement): boolean {
  // Exactly one operator/key pair (no allocation: this runs for every statement of every bucket policy).
  let found = false;
  for (const op in statement.condition) {
    const keys = statement.condition[op]!;
    for (const key in keys) {
      if (found) return false;
      const operator = op.toLowerCase();
      if (operator !== 'bool' && operator !== 'boolifexists') return false;
      if (key.toLowerCase() !== 'aws:securetransport') return false;
      const values = keys[key]!;
      if (values.length === 0 || !values.every((v) => v.toLowerCase() === 'false')) return false;
      found = true;
    }
  }
  return found;
}

export type TransportDenyResult =
  | { kind: 'denied'; statement: string }
  /** A statement denies non-SSL requests, but not for everyone, every action, or both the bucket and its objects. */
  | { kind: 'partial'; statement: string }
  | { kind: 'absent' };

/**
 * Whether the policy denies every request made without SSL/TLS: a Deny for `Principal: "*"` covering
 * all S3 actions (`s3:*`, `*`) on the bucket and its objects, conditioned only on
 * `Bool {"aws:SecureTransport": "false"}`.
 */
export function deniesInsecureTransport(policy: PolicyDocument | undefined, arn: string): TransportDenyResult {
  let partial: string | undefined;
  for (const [i, s] of (policy?.statements ?? []).entries()) {
    if (s.effect !== 'Deny' || !deniesOnlyWhenInsecure(s)) continue;
    const complete =
      isPublicPrincipal(s) &&
      TRANSPORT_DENY_ACTIONS.every((a) => statementCoversAction(s, a)) &&
      coversResource(s, arn) &&
      coversResource(s, `${arn}/*`);
    if (complete) return { kind: 'denied', statement: statementLabel(s, i) };
    partial ??= statementLabel(s, i);
  }
  return partial === undefined ? { kind: 'absent' } : { kind: 'partial', statement: partial };
}
