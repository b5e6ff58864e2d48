import type { ConfigItem } from '../../ci/config-item.js';

/** Typed views of the S3 bucket settings AWS Config records in `supplementaryConfiguration`. */

export interface ServerSideEncryptionConfiguration {
  rules?: {
    applyServerSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyID?: string | null };
    bucketKeyEnabled?: boolean;
  }[];
}

export interface PublicAccessBlockConfiguration {
  blockPublicAcls?: boolean;
  ignorePublicAcls?: boolean;
  blockPublicPolicy?: boolean;
  restrictPublicBuckets?: boolean;
}

export interface BucketLoggingConfiguration {
  destinationBucketName?: string | null;
  logFilePrefix?: string | null;
}

export interface BucketVersioningConfiguration {
  status?: 'Off' | 'Enabled' | 'Suspended';
  isMfaDeleteEnabled?: boolean | null;
}

export function sseConfiguration(item: ConfigItem): ServerSideEncryptionConfiguration | undefined {
  return item.supplementary<ServerSideEncryptionConfiguration>('ServerSideEncryptionConfiguration') ?? undefined;
}

/** The default-encryption algorithms configured on the bucket (`AES256`, `aws:kms`, `aws:kms:dsse`). */
export function defaultEncryptionAlgorithms(item: ConfigItem): string[] {
  const rules = sseConfiguration(item)?.rules ?? [];
  return rules.map((r) => r.applyServerSideEncryptionByDefault?.sseAlgorithm).filter((a): a is string => !!a);
}

export function publicAccessBlock(item: ConfigItem): PublicAccessBlockConfiguration | undefined {
  const value = item.supplementary<PublicAccessBlockConfiguration | null>('PublicAccessBlockConfiguration');
  return value !== null && typeof value === 'object' ? value : undefined;
}

export function loggingConfiguration(item: ConfigItem): BucketLoggingConfiguration | undefined {
  const value = item.supplementary<BucketLoggingConfiguration | null>('BucketLoggingConfiguration');
  return value !== null && typeof value === 'object' ? value : undefined;
}

export function versioningConfiguration(item: ConfigItem): BucketVersioningConfiguration | undefined {
  const value = item.supplementary<BucketVersioningConfiguration | null>('BucketVersioningConfiguration');
  return value !== null && typeof value === 'object' ? value : undefined;
}

/** The four Block Public Access flags, by their S3 API names, in the order the S3 console lists them. */
export const PUBLIC_ACCESS_BLOCK_FLAGS = [
  ['BlockPublicAcls', 'blockPublicAcls'],
  ['IgnorePublicAcls', 'ignorePublicAcls'],
  ['BlockPublicPolicy', 'blockPublicPolicy'],
  ['RestrictPublicBuckets', 'restrictPublicBuckets'],
] as const satisfies readonly (readonly [string, keyof PublicAccessBlockConfiguration])[];

/**
 * One grant of the bucket ACL. AWS Config records group grantees as the strings `AllUsers`,
 * `AuthenticatedUsers` and `LogDelivery`; other sources give `{ groupName }` / `{ uri }` objects,
 * canonical users `{ id, displayName }`.
 */
export interface AclGrant {
  grantee?: string | { id?: string | null; displayName?: string | null; groupName?: string; uri?: string } | null;
  permission?: string | null;
}

export interface AccessControlList {
  grantList?: AclGrant[] | null;
  owner?: { id?: string | null; displayName?: string | null } | null;
}

/** `supplementaryConfiguration.AccessControlList` (a JSON string in every shape), decoded. */
export function accessControlList(item: ConfigItem): AccessControlList | undefined {
  const value = item.supplementary<AccessControlList | null>('AccessControlList');
  return value !== null && typeof value === 'object' ? value : undefined;
}

export type PublicGroup = 'AllUsers' | 'AuthenticatedUsers';

/** A Map, not an object: a grantee named `constructor` must not find Object's. */
const GROUP_URIS: ReadonlyMap<string, PublicGroup> = new Map([
  ['http://acs.amazonaws.com/groups/global/allusers', 'AllUsers'],
  ['http://acs.amazonaws.com/groups/global/authenticatedusers', 'AuthenticatedUsers'],
]);

/** The public group a grantee names (everyone, or every AWS account), in any of its recorded forms. */
export function publicGroup(grantee: AclGrant['grantee']): PublicGroup | undefined {
  if (grantee === undefined || grantee === null) return undefined;
  if (typeof grantee === 'string') return groupNamed(grantee);
  return groupNamed(grantee.groupName) ?? groupNamed(grantee.uri);
}

function groupNamed(name: string | undefined): PublicGroup | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  if (lower === 'allusers') return 'AllUsers';
  if (lower === 'authenticatedusers') return 'AuthenticatedUsers';
  return GROUP_URIS.get(lower.startsWith('https:') ? `http:${lower.slice(6)}` : lower);
}

const PERMISSIONS: ReadonlyMap<string, string> = new Map([
  ['fullcontrol', 'FullControl'],
  ['read', 'Read'],
  ['write', 'Write'],
  ['readacp', 'ReadAcp'],
  ['writeacp', 'WriteAcp'],
]);

/** ACL permission in AWS Config's spelling (`FullControl`, `Read`, `Write`, `ReadAcp`, `WriteAcp`), from any casing. */
export function normalizePermission(permission: string): string {
  return PERMISSIONS.get(permission.replace(/[_\s]/g, '').toLowerCase()) ?? permission;
}

/** Permissions that let the grantee read the bucket's objects or listing. */
export const ACL_READ_PERMISSIONS: readonly string[] = ['Read', 'FullControl'];
/** Permissions that let the grantee write objects or rewrite the ACL (and so grant themselves anything). */
export const ACL_WRITE_PERMISSIONS: readonly string[] = ['Write', 'WriteAcp', 'FullControl'];

export interface PublicAclGrant {
  group: PublicGroup;
  permission: string;
}

/** ACL grants to everyone or to every authenticated AWS user, whatever the permission (in AWS Config's spelling). */
export function publicAclGrants(acl: AccessControlList | undefined): PublicAclGrant[] {
  const out: PublicAclGrant[] = [];
  for (const grant of acl?.grantList ?? []) {
    const group = publicGroup(grant.grantee);
    if (group === undefined || typeof grant.permission !== 'string') continue;
    out.push({ group, permission: normalizePermission(grant.permission) });
  }
  return out;
}
