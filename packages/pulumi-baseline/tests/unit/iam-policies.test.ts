import * as pulumi from '@pulumi/pulumi';
import { parsePolicy, type Statement } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, type Recorded, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { SecurityBaseline, ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS } = await import('../../src/index.js');

const code = new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset('export const handler = 1;') });

/** Where each resource type keeps its policy documents, and whether they are identity policies. */
const POLICY_FIELDS: Record<string, { field: string; identity: boolean }> = {
  'aws:iam/role:Role': { field: 'assumeRolePolicy', identity: false },
  'aws:iam/rolePolicy:RolePolicy': { field: 'policy', identity: true },
  'aws:iam/policy:Policy': { field: 'policy', identity: true },
  'aws:kms/key:Key': { field: 'policy', identity: false },
  'aws:s3/bucketPolicy:BucketPolicy': { field: 'policy', identity: false },
  'aws:sns/topicPolicy:TopicPolicy': { field: 'policy', identity: false },
};

const wildcardAction = (action: string) => action === '*' || /^[a-z0-9-]+:\*$/i.test(action);

function problems(statement: Statement, identity: boolean): string[] {
  if (statement.effect !== 'Allow') return []; // a Deny with a wildcard only narrows access
  const found: string[] = [];
  if (statement.notActions !== undefined) found.push('Allow with NotAction');
  if (statement.notResources !== undefined) found.push('Allow with NotResource');
  for (const action of statement.actions ?? []) if (wildcardAction(action)) found.push(`Action ${action}`);
  if (identity && (statement.resources ?? []).includes('*')) {
    for (const action of statement.actions ?? []) {
      if (!ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS.includes(action)) found.push(`Resource * for ${action}`);
    }
  }
  return found;
}

describe('every IAM policy the baseline creates', () => {
  let policies: { resource: Recorded; identity: boolean; document: string }[];
  beforeAll(async () => {
    await deploy(
      () =>
        new SecurityBaseline('iam', {
          shield: {},
          networkFirewall: {
            vpcId: 'vpc-0abc',
            subnets: [
              { availabilityZone: 'eu-west-1a', subnetId: 'subnet-0a' },
              { availabilityZone: 'eu-west-1b', subnetId: 'subnet-0b' },
            ],
            allowedDomains: ['.example.com'],
            logging: { destination: 'S3' },
          },
          configRules: { code },
          reportGenerator: { code },
          incidentResponse: { code },
        }),
    );
    policies = resourcesOf('iam').flatMap((resource) => {
      const spec = POLICY_FIELDS[resource.type];
      if (spec === undefined || resource.inputs[spec.field] === undefined) return [];
      return [{ resource, identity: spec.identity, document: resource.inputs[spec.field] as string }];
    });
  });

  it('finds the policies of every kind', () => {
    const kinds = new Set(policies.map((p) => p.resource.type));
    expect([...kinds].sort()).toEqual([
      'aws:iam/policy:Policy',
      'aws:iam/role:Role',
      'aws:kms/key:Key',
      'aws:s3/bucketPolicy:BucketPolicy',
      'aws:sns/topicPolicy:TopicPolicy',
    ]);
    expect(policies.length).toBeGreaterThan(15);
  });

  it('grants permissions through customer managed policies only, each attached to a role', () => {
    const all = resourcesOf('iam');
    expect(all.filter((r) => r.type === 'aws:iam/rolePolicy:RolePolicy')).toEqual([]);
    const attached = new Set(
      all.filter((r) => r.type === 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map((r) => r.inputs.policyArn),
    );
    for (const p of all.filter((r) => r.type === 'aws:iam/policy:Policy')) {
      expect(attached.has(`arn:aws:iam:eu-west-1:${ACCOUNT}:${p.name}`), p.name).toBe(true);
    }
  });

  it('has no "*" or service:* actions, and "*" resources only for actions without resource-level permissions', () => {
    const failures = policies.flatMap(({ resource, identity, document }) =>
      parsePolicy(document).statements.flatMap((s) =>
        problems(s, identity).map((p) => `${resource.type} ${resource.name} ${s.sid ?? ''}: ${p}`),
      ),
    );
    expect(failures).toEqual([]);
  });

  it('limits every trust policy to one service in this account', () => {
    for (const { resource, document } of policies.filter((p) => p.resource.type === 'aws:iam/role:Role')) {
      const [statement, ...rest] = parsePolicy(document).statements;
      expect(rest, resource.name).toEqual([]);
      expect(Object.keys(statement!.principals ?? {}), resource.name).toEqual(['Service']);
      expect(statement!.condition['StringEquals']?.['aws:SourceAccount'], resource.name).toEqual([ACCOUNT]);
    }
  });

  it('catches what it is meant to catch', () => {
    const statement = (actions: string[], resources: string[]): Statement => ({
      sid: undefined,
      effect: 'Allow',
      actions,
      notActions: undefined,
      resources,
      notResources: undefined,
      principals: undefined,
      notPrincipals: undefined,
      condition: {},
    });
    expect(problems(statement(['*'], ['arn:aws:s3:::b']), true)).toEqual(['Action *']);
    expect(problems(statement(['s3:*'], ['arn:aws:s3:::b']), true)).toEqual(['Action s3:*']);
    expect(problems(statement(['s3:GetObject'], ['*']), true)).toEqual(['Resource * for s3:GetObject']);
    expect(problems(statement(['config:PutEvaluations'], ['*']), true)).toEqual([]);
  });
});
