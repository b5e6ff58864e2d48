import type { Grant } from '@aws-sdk/client-s3';
import { hasRestrictingCondition, isPublicPrincipal, parsePolicy } from '@rampart/core';
import { errorCode, ResourceNotFoundError } from '../../errors.js';
import type { StepContext } from '../../step.js';

export function bucketName(ctx: StepContext): string {
  if (ctx.incident.target.type !== 's3-bucket') throw new Error(`${ctx.step} acts on S3 buckets only`);
  return ctx.incident.target.bucketName;
}

/** The value of a read, or `absent` when S3 answers with one of `codes` (no policy, no block configuration). */
export async function readOrAbsent<T>(read: () => Promise<T>, codes: readonly string[]): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    const code = errorCode(error);
    if (codes.includes(code)) return undefined;
    if (code === 'NoSuchBucket') throw new ResourceNotFoundError(`The bucket does not exist`, { cause: error });
    throw error;
  }
}

const PUBLIC_GROUPS = [
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
];

export function isPublicGrant(grant: Grant): boolean {
  return grant.Grantee?.Type === 'Group' && PUBLIC_GROUPS.includes(grant.Grantee.URI ?? '');
}

/** Splits a bucket policy into the statements that grant public access and the rest, as written. */
export function splitPublicStatements(policyText: string): {
  document: Record<string, unknown>;
  publicStatements: unknown[];
  kept: unknown[];
} {
  const document = JSON.parse(policyText) as Record<string, unknown>;
  const raw = document['Statement'];
  const statements: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const publicStatements: unknown[] = [];
  const kept: unknown[] = [];
  for (const s of statements) {
    const [parsed] = parsePolicy({ Version: '2012-10-17', Statement: [s] }).statements;
    const isPublic =
      parsed !== undefined &&
      parsed.effect === 'Allow' &&
      isPublicPrincipal(parsed) &&
      !hasRestrictingCondition(parsed);
    (isPublic ? publicStatements : kept).push(s);
  }
  return { document, publicStatements, kept };
}
