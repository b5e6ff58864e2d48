import type { ConfigItem } from '../../ci/config-item.js';
import { S3AccountPublicAccessBlockFact } from '../../facts/index.js';
import { compliant, type EvaluationContext, nonCompliant, type Verdict } from '../../model/control.js';
import { accessControlList, type PublicAclGrant, publicAccessBlock, publicAclGrants } from './bucket-configuration.js';
import { bucketPolicy, type PublicStatement, publicPolicyGrants, publicStatements } from './bucket-policy.js';

/** What public access a control looks for: the ACL permissions and policy actions that give it. */
export interface PublicAccessKind {
  name: 'read' | 'write';
  aclPermissions: readonly string[];
  policyActions: readonly string[];
}

/**
 * What opens the bucket to the public, whatever the kind of access: its public ACL grants and public
 * policy statements, found once per item for the read and the write control.
 */
function publicExposure(item: ConfigItem): { acl: PublicAclGrant[]; statements: PublicStatement[] } {
  return item.derived('s3.publicExposure', () => ({
    acl: publicAclGrants(accessControlList(item)),
    statements: publicStatements(bucketPolicy(item)),
  }));
}

/** Which Block Public Access level (bucket or account) sets a flag, if any. */
function blockedBy(bucket: boolean | undefined, account: boolean | undefined): string | undefined {
  if (bucket === true) return 'bucket';
  if (account === true) return 'account';
  return undefined;
}

/**
 * The shared logic of s3-bucket-public-read-prohibited and s3-bucket-public-write-prohibited: public
 * ACL grants count unless IgnorePublicAcls is on, public policy statements unless RestrictPublicBuckets
 * is on, at bucket or account level. The account-level settings are used when the input holds them;
 * without them the bucket's own settings decide.
 */
export function evaluatePublicAccess(
  item: ConfigItem,
  ctx: EvaluationContext<unknown>,
  kind: PublicAccessKind,
): Verdict {
  const bucket = publicAccessBlock(item);
  const accountFact = ctx.fact(S3AccountPublicAccessBlockFact, { accountId: item.accountId });
  const account = accountFact.found ? (accountFact.value.configuration ?? undefined) : undefined;

  const exposure = publicExposure(item);
  const aclGrants = exposure.acl.filter((g) => kind.aclPermissions.includes(g.permission));
  const policyGrants = publicPolicyGrants(exposure.statements, kind.policyActions);
  const ignoreAcls = blockedBy(bucket?.ignorePublicAcls, account?.ignorePublicAcls);
  const restrictPolicy = blockedBy(bucket?.restrictPublicBuckets, account?.restrictPublicBuckets);

  const open: string[] = [];
  if (ignoreAcls === undefined) {
    for (const g of aclGrants) open.push(`ACL grants ${g.permission} to ${g.group}`);
  }
  if (restrictPolicy === undefined) {
    for (const g of policyGrants) open.push(`policy ${g.statement} allows ${g.actions} to ${g.principal}`);
  }
  if (open.length > 0) {
    return nonCompliant(`Bucket ${item.resourceId} allows public ${kind.name} access: ${open.join('; ')}.`);
  }

  const neutralized: string[] = [];
  if (aclGrants.length > 0) neutralized.push(`IgnorePublicAcls (${ignoreAcls} level) ignores its public ACL grants`);
  if (policyGrants.length > 0) {
    neutralized.push(`RestrictPublicBuckets (${restrictPolicy} level) restricts its public policy`);
  }
  if (neutralized.length > 0) {
    return compliant(`Bucket ${item.resourceId} does not allow public ${kind.name} access: ${neutralized.join('; ')}.`);
  }
  return compliant(`Bucket ${item.resourceId} does not allow public ${kind.name} access.`);
}
