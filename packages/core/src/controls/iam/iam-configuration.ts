import type { ConfigItem } from '../../ci/config-item.js';

/** The parts of the IAM configuration items that the IAM controls read (AWS Config field names). */

export const IAM_USER_TYPE = 'AWS::IAM::User';

export interface AttachedManagedPolicy {
  policyName?: string | null;
  policyArn?: string | null;
}

export interface InlinePolicy {
  policyName?: string | null;
  /** URL-encoded JSON, as AWS Config records it. */
  policyDocument?: string | null;
}

export interface PolicyVersion {
  /** URL-encoded JSON, as AWS Config records it. */
  document?: unknown;
  versionId?: string | null;
  isDefaultVersion?: boolean | null;
  createDate?: string | null;
}

export interface IamPolicyConfiguration {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  defaultVersionId: string;
  attachmentCount: number;
  permissionsBoundaryUsageCount: number;
  isAttachable: boolean;
  policyVersionList: PolicyVersion[] | null;
}

export interface IamUserConfiguration {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  groupList: string[] | null;
  attachedManagedPolicies: AttachedManagedPolicy[] | null;
  userPolicyList: InlinePolicy[] | null;
}

export interface IamRoleConfiguration {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  attachedManagedPolicies: AttachedManagedPolicy[] | null;
  rolePolicyList: InlinePolicy[] | null;
}

export interface IamGroupConfiguration {
  groupName: string;
  groupId: string;
  arn: string;
  path: string;
  attachedManagedPolicies: AttachedManagedPolicy[] | null;
  groupPolicyList: InlinePolicy[] | null;
}

/** The name annotations use for an IAM user, role, group or policy (its `resourceId` is the opaque `AIDA…` id). */
const NAME_KEYS = ['userName', 'roleName', 'groupName', 'policyName'] as const;

export function iamName(item: ConfigItem): string {
  const c = item.configuration;
  for (const key of NAME_KEYS) {
    const value = c[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return item.resourceName ?? item.resourceId;
}

/** The version of a managed policy that is in force: `isDefaultVersion`, else the one named by `defaultVersionId`. */
export function defaultPolicyVersion(config: Partial<IamPolicyConfiguration>): PolicyVersion | undefined {
  const versions = config.policyVersionList ?? [];
  return (
    versions.find((v) => v.isDefaultVersion === true) ??
    versions.find((v) => v.versionId !== undefined && v.versionId === config.defaultVersionId)
  );
}

/** AWS managed policies live in the `aws` account (`arn:aws:iam::aws:policy/...`); AWS Config records only customer ones. */
export function isAwsManagedPolicyArn(arn: string | undefined): boolean {
  if (arn === undefined || !arn.startsWith('arn:')) return false;
  // `arn:<partition>:iam::aws:policy/...`: a non-empty partition, then the AWS account's policy path.
  const partitionEnd = arn.indexOf(':', 4);
  return partitionEnd > 4 && arn.startsWith(':iam::aws:policy/', partitionEnd);
}

/** Service-linked roles live under `/aws-service-role/`; the service owns their policies, so nobody can change them. */
export function isServiceLinkedRole(config: Partial<IamRoleConfiguration>): boolean {
  return (config.path ?? '').startsWith('/aws-service-role/');
}

/** Names of a list of policies, in order (`(unnamed)` where AWS Config recorded none). */
export function policyNames(policies: readonly (InlinePolicy | AttachedManagedPolicy)[] | null | undefined): string[] {
  return (policies ?? []).map((p) => p.policyName || '(unnamed)');
}

/** `1 policy` / `2 policies`, as annotations count things. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** A list for an annotation, cut after `max` entries so annotations stay within AWS Config's 256 characters. */
export function shortList(values: readonly string[], max = 4): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')} and ${values.length - max} more`;
}
