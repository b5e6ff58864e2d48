import { describe, expect, it } from 'vitest';
import { iamDelegatedAdminRolePermissionsBoundary as control } from '../../../../src/controls/iam/iam-delegated-admin-role-permissions-boundary.js';
import { type Json, toApiShape, verdict } from '../../../helpers.js';
import { awsConfigEncode, policy, role } from './iam-test-data.js';

const BOUNDARY = 'arn:aws:iam::123456789012:policy/acme-delegated-admin-boundary';
const PROVISIONING = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'CreateWorkloadRoles',
      Effect: 'Allow',
      Action: ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:TagRole'],
      Resource: 'arn:aws:iam::123456789012:role/workloads/*',
      Condition: { StringEquals: { 'iam:PermissionsBoundary': BOUNDARY } },
    },
  ],
};

/** The orders role with an inline policy that lets it create and empower roles. */
function provisioner(over: Json = {}): Json {
  const ci = role();
  ci.configuration.rolePolicyList = [{ policyName: 'provision-roles', policyDocument: awsConfigEncode(PROVISIONING) }];
  Object.assign(ci.configuration, over);
  return ci;
}
/** The customer managed policy the orders role attaches, with `doc` as its default version. */
function attachedPolicy(doc: unknown): Json {
  const ci = policy();
  ci.configuration.policyVersionList[0].document = awsConfigEncode(doc);
  return ci;
}

describe('iam-delegated-admin-role-permissions-boundary', () => {
  it('compliant: a delegated administrator with a permissions boundary', () => {
    const ci = provisioner({
      permissionsBoundary: { permissionsBoundaryType: 'Policy', permissionsBoundaryArn: BOUNDARY },
    });
    const v = verdict(control, ci, { with: [policy()] });
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::IAM::Role', region: 'global' });
    expect(v.annotation).toBe(`Delegated administrator role acme-orders-api has permissions boundary ${BOUNDARY}.`);
    expect(verdict(control, toApiShape(ci), { with: [toApiShape(policy())] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: an inline policy allows creating roles, no boundary', () => {
    const v = verdict(control, provisioner(), { with: [policy()] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'IAM role acme-orders-api allows iam:CreateRole, iam:PutRolePolicy, iam:AttachRolePolicy through inline policy provision-roles but has no permissions boundary.',
    );
  });

  it('non-compliant: the attached customer managed policy allows iam:*', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Sid: 'Iam', Effect: 'Allow', Action: 'iam:*', Resource: '*' }] };
    const v = verdict(control, role(), { with: [attachedPolicy(doc)] });
    expect(v.annotation).toBe(
      'IAM role acme-orders-api allows iam:CreateRole, iam:PutRolePolicy, iam:AttachRolePolicy through policy acme-orders-api-access but has no permissions boundary.',
    );
  });

  it("error: the attached policy's default version is not a policy document (named in the annotation)", () => {
    const broken = policy();
    broken.configuration.policyVersionList[0].document = '%7B%22Statement%22%3A';
    const v = verdict(control, role(), { with: [broken] });
    expect(v.compliance).toBe('ERROR');
    expect(v.annotation).toContain('IAM policy acme-orders-api-access');
  });

  it('reads the policy the policy controls read: one parsed document per policy item', async () => {
    const { defaultVersionPolicy } = await import('../../../../src/controls/iam/managed-policy.js');
    const { normalizeItem } = await import('../../../../src/index.js');
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:CreateRole', Resource: '*' }] };
    const normalized = normalizeItem(attachedPolicy(doc));
    if (!normalized.ok) throw new Error('test item does not normalize');
    const first = defaultVersionPolicy(normalized.item);
    expect(first?.statements[0]?.actions).toEqual(['iam:CreateRole']);
    expect(defaultVersionPolicy(normalized.item)).toBe(first);
    const noVersion = policy();
    noVersion.configuration.policyVersionList = [];
    const bare = normalizeItem(noVersion);
    if (!bare.ok) throw new Error('test item does not normalize');
    expect(defaultVersionPolicy(bare.item)).toBeUndefined();
  });

  it('non-compliant: AWS managed AdministratorAccess attached', () => {
    const ci = role();
    ci.configuration.attachedManagedPolicies.push({
      policyName: 'AdministratorAccess',
      policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    expect(verdict(control, ci, { with: [policy()] }).annotation).toContain(
      'through AWS managed policy AdministratorAccess but has no permissions boundary',
    );
  });

  it('not applicable: a role that cannot create roles; a service-linked role; a deleted role', () => {
    const v = verdict(control, role(), { with: [policy()] });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(
      'IAM role acme-orders-api is not a delegated administrator: it cannot iam:CreateRole, iam:PutRolePolicy, iam:AttachRolePolicy.',
    );
    const slr = provisioner({ path: '/aws-service-role/ecs.amazonaws.com/' });
    expect(verdict(control, slr).compliance).toBe('NOT_APPLICABLE');
    const deleted = provisioner();
    deleted.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, deleted).compliance).toBe('NOT_APPLICABLE');
  });

  it('insufficient data: the attached customer managed policy is not in the input', () => {
    const v = verdict(control, role());
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'The input holds no configuration item with the default version of acme-orders-api-access, attached to IAM role acme-orders-api.',
    );
  });

  it('parameters: delegationActions and excludedRoleNames', () => {
    const ci = role();
    ci.configuration.rolePolicyList = [
      {
        policyName: 'users',
        policyDocument: awsConfigEncode({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }],
        }),
      },
    ];
    expect(verdict(control, ci, { with: [policy()] }).compliance).toBe('NOT_APPLICABLE');
    const v = verdict(control, ci, {
      with: [policy()],
      params: { delegationActions: 'iam:CreateUser,iam:CreateRole' },
    });
    expect(v.annotation).toBe(
      'IAM role acme-orders-api allows iam:CreateUser through inline policy users but has no permissions boundary.',
    );
    const excluded = verdict(control, provisioner(), { params: { excludedRoleNames: 'break-glass,acme-orders-api' } });
    expect(excluded.annotation).toBe('IAM role acme-orders-api is excluded by excludedRoleNames.');
  });
});
