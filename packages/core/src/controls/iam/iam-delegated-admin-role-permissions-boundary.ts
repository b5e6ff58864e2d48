import * as z from 'zod';
import type { ConfigItem } from '../../ci/config-item.js';
import { type PolicyDocument, parsePolicy, statementCoversAction } from '../../iam/policy.js';
import { compliant, defineControl, insufficientData, nonCompliant, notApplicable, param } from '../../model/control.js';
import { GLOBAL_REGION } from '../../model/types.js';
import {
  type IamPolicyConfiguration,
  type IamRoleConfiguration,
  iamName,
  isAwsManagedPolicyArn,
  isServiceLinkedRole,
  shortList,
} from './iam-configuration.js';
import { defaultVersionPolicy } from './managed-policy.js';

const POLICY = 'AWS::IAM::Policy';

/** The IAM actions that let a principal create roles and give them permissions: what makes an administrator a delegating one. */
const DELEGATION_ACTIONS = ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy'];

/**
 * AWS managed policies (not recorded by AWS Config) known to allow the delegation actions. Other AWS
 * managed policies are taken not to: PowerUserAccess, for one, excludes IAM.
 */
const AWS_MANAGED_DELEGATING = new Set(['AdministratorAccess', 'IAMFullAccess']);

interface RoleWithBoundary extends IamRoleConfiguration {
  permissionsBoundary?: { permissionsBoundaryArn?: string | null; permissionsBoundaryType?: string | null } | null;
}

/** Customer managed policy CIs by ARN, built once per item list (rebuilt if the list grows). */
const byArnCache = new WeakMap<readonly ConfigItem[], { size: number; map: Map<string, ConfigItem> }>();
function policiesByArn(items: readonly ConfigItem[]): Map<string, ConfigItem> {
  const cached = byArnCache.get(items);
  if (cached !== undefined && cached.size === items.length) return cached.map;
  const map = new Map<string, ConfigItem>();
  for (const p of items) {
    const arn = p.arn ?? p.config<IamPolicyConfiguration>().arn;
    if (arn && !p.deleted) map.set(arn, p);
  }
  byArnCache.set(items, { size: items.length, map });
  return map;
}

/** The delegation actions a policy allows (Allow statements, any resource, conditions ignored). */
function delegationIn(policy: PolicyDocument, actions: readonly string[]): string[] {
  return actions.filter((a) => policy.statements.some((s) => s.effect === 'Allow' && statementCoversAction(s, a)));
}

export const iamDelegatedAdminRolePermissionsBoundary = defineControl({
  id: 'iam-delegated-admin-role-permissions-boundary',
  title: 'IAM roles that can create roles and grant them permissions have a permissions boundary',
  description:
    'Checks whether an IAM role is a delegated administrator (an inline or attached policy allows iam:CreateRole, iam:PutRolePolicy or iam:AttachRolePolicy, or the actions in delegationActions) and, if so, whether it has a permissions boundary. Service-linked roles are not evaluated.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::IAM::Role'],
  wellArchitected: ['SEC03-BP05', 'SEC03-BP02'],
  rationale: {
    'SEC03-BP05': 'A permissions boundary caps what roles created by a delegated administrator can ever be granted.',
    'SEC03-BP02': 'Roles that can grant permissions are limited so they cannot escalate beyond their boundary.',
  },
  trigger: 'periodic',
  needs: [POLICY],
  parameters: z.strictObject({
    delegationActions: param.csv(DELEGATION_ACTIONS),
    /** Roles left out on purpose, such as a break-glass administrator role. */
    excludedRoleNames: param.csv(),
  }),
  remediation: {
    text: 'Attach a permissions boundary to the role, and require the same boundary (iam:PermissionsBoundary condition) on the roles it creates, so delegated administrators cannot escalate their own permissions.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  },
  evaluate(item, ctx) {
    const role = item.config<RoleWithBoundary>();
    const name = iamName(item);
    if (isServiceLinkedRole(role)) {
      return notApplicable(`IAM role ${name} is a service-linked role; its service owns its policies.`);
    }
    if (ctx.params.excludedRoleNames.includes(name)) {
      return notApplicable(`IAM role ${name} is excluded by excludedRoleNames.`);
    }
    const actions = ctx.params.delegationActions;
    const granted = new Set<string>();
    const sources: string[] = [];
    const unknown: string[] = [];
    for (const inline of role.rolePolicyList ?? []) {
      const label = inline.policyName || '(unnamed)';
      const hits = delegationIn(parsePolicy(inline.policyDocument, `inline policy ${label} of role ${name}`), actions);
      if (hits.length > 0) {
        for (const h of hits) granted.add(h);
        sources.push(`inline policy ${label}`);
      }
    }
    const policies = policiesByArn(ctx.items(POLICY, { region: GLOBAL_REGION }));
    for (const attached of role.attachedManagedPolicies ?? []) {
      const arn = attached.policyArn ?? '';
      const label = attached.policyName || arn;
      if (isAwsManagedPolicyArn(arn)) {
        if (AWS_MANAGED_DELEGATING.has(arn.slice(arn.lastIndexOf('/') + 1))) {
          for (const a of actions) granted.add(a);
          sources.push(`AWS managed policy ${label}`);
        }
        continue;
      }
      const policyItem = policies.get(arn);
      const policy = policyItem && defaultVersionPolicy(policyItem);
      if (policy === undefined) {
        unknown.push(label);
        continue;
      }
      const hits = delegationIn(policy, actions);
      if (hits.length > 0) {
        for (const h of hits) granted.add(h);
        sources.push(`policy ${label}`);
      }
    }
    if (granted.size === 0) {
      if (unknown.length > 0) {
        return insufficientData(
          `The input holds no configuration item with the default version of ${shortList(unknown)}, attached to IAM role ${name}.`,
        );
      }
      return notApplicable(`IAM role ${name} is not a delegated administrator: it cannot ${shortList(actions)}.`);
    }
    const boundary = role.permissionsBoundary?.permissionsBoundaryArn;
    if (boundary) {
      return compliant(`Delegated administrator role ${name} has permissions boundary ${boundary}.`);
    }
    return nonCompliant(
      `IAM role ${name} allows ${shortList([...granted])} through ${shortList(sources, 2)} but has no permissions boundary.`,
    );
  },
});
