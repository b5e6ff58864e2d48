import type { Stack, StackResource } from '../stack.js';
import { isUnknown } from '../unknown.js';
import { isStackResource, satellitesOf } from './satellites.js';
import type { AdaptedItem, AdapterEnv, ResourceAdapter } from './types.js';
import { idOr, list, policyJson, record, str, strOrUnknown, tags } from './values.js';

export const IAM_POLICY_TOKENS = ['aws:iam/policy:Policy'] as const;
export const IAM_ROLE_TOKENS = ['aws:iam/role:Role'] as const;
const ROLE_POLICY = ['aws:iam/rolePolicy:RolePolicy'];
const ROLE_POLICY_ATTACHMENT = ['aws:iam/rolePolicyAttachment:RolePolicyAttachment'];

/** AWS Config stores IAM policy documents URL-encoded. */
function encoded(document: unknown): unknown {
  return typeof document === 'string' ? encodeURIComponent(document) : (document ?? null);
}

function iamPath(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : '/';
}

/** `aws.iam.Policy`: one version, the default, holding the document. */
export const iamPolicyAdapter: ResourceAdapter = {
  resourceType: 'AWS::IAM::Policy',
  tokens: IAM_POLICY_TOKENS,
  satellites: [],
  adapt(policy: StackResource, _stack: Stack, env: AdapterEnv): AdaptedItem {
    const name = idOr(policy.props['name'], policy.name);
    const path = iamPath(policy.props['path']);
    const arn = str(policy.props['arn']) ?? `arn:${env.partition}:iam::${env.accountId}:policy${path}${name}`;
    return {
      resourceType: 'AWS::IAM::Policy',
      resourceId: idOr(policy.props['policyId'], name),
      resourceName: name,
      arn,
      region: 'global',
      tags: tags(policy.props['tags']),
      configuration: {
        policyName: name,
        policyId: idOr(policy.props['policyId'], name),
        arn,
        path,
        defaultVersionId: 'v1',
        attachmentCount: 0,
        permissionsBoundaryUsageCount: 0,
        isAttachable: true,
        description: str(policy.props['description']) ?? null,
        policyVersionList: [
          {
            document: encoded(policyJson(policy.props['policy'], `${policy.type} ${policy.name} policy`)),
            versionId: 'v1',
            isDefaultVersion: true,
          },
        ],
      },
      supplementaryConfiguration: {},
    };
  },
};

function inlinePolicies(stack: Stack, role: StackResource): unknown[] {
  const out: unknown[] = [];
  const inline = role.props['inlinePolicies'];
  if (isUnknown(inline)) out.push(inline);
  for (const p of list(inline)) {
    const entry = record(p);
    // The provider reads an inline policy block without a name as "no inline policies".
    if (entry['name'] === undefined || entry['name'] === '') continue;
    out.push({
      policyName: strOrUnknown(entry['name']),
      policyDocument: encoded(policyJson(entry['policy'], 'inline policy')),
    });
  }
  for (const s of satellitesOf(stack, role, IAM_ROLE_TOKENS, ROLE_POLICY, 'role', ['name'])) {
    out.push(
      isStackResource(s)
        ? {
            policyName: strOrUnknown(s.props['name']) ?? s.name,
            policyDocument: encoded(policyJson(s.props['policy'], `${s.type} ${s.name} policy`)),
          }
        : s,
    );
  }
  return out;
}

function attachedPolicies(stack: Stack, role: StackResource): unknown[] {
  const arns: unknown[] = list(role.props['managedPolicyArns']);
  for (const s of satellitesOf(stack, role, IAM_ROLE_TOKENS, ROLE_POLICY_ATTACHMENT, 'role', ['name'])) {
    arns.push(isStackResource(s) ? s.props['policyArn'] : s);
  }
  return arns.map((policyArn) =>
    isUnknown(policyArn) ? policyArn : { policyArn, policyName: String(policyArn).split('/').at(-1) ?? null },
  );
}

/** `aws.iam.Role` with its `aws.iam.RolePolicy` and `RolePolicyAttachment` resources. */
export const iamRoleAdapter: ResourceAdapter = {
  resourceType: 'AWS::IAM::Role',
  tokens: IAM_ROLE_TOKENS,
  satellites: [...ROLE_POLICY, ...ROLE_POLICY_ATTACHMENT],
  adapt(role: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem {
    const name = idOr(role.props['name'], role.name);
    const path = iamPath(role.props['path']);
    const arn = str(role.props['arn']) ?? `arn:${env.partition}:iam::${env.accountId}:role${path}${name}`;
    const boundary = role.props['permissionsBoundary'];
    return {
      resourceType: 'AWS::IAM::Role',
      resourceId: idOr(role.props['uniqueId'], name),
      resourceName: name,
      arn,
      region: 'global',
      tags: tags(role.props['tags']),
      configuration: {
        path,
        roleName: name,
        roleId: idOr(role.props['uniqueId'], name),
        arn,
        assumeRolePolicyDocument: encoded(
          policyJson(role.props['assumeRolePolicy'], `${role.type} ${role.name} trust policy`),
        ),
        instanceProfileList: [],
        rolePolicyList: inlinePolicies(stack, role),
        attachedManagedPolicies: attachedPolicies(stack, role),
        permissionsBoundary:
          boundary === undefined || boundary === ''
            ? null
            : { permissionsBoundaryArn: boundary, permissionsBoundaryType: 'PermissionsBoundaryPolicy' },
      },
      supplementaryConfiguration: {},
    };
  },
};
