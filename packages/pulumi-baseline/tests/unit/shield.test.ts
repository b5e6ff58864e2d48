import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { ShieldAdvanced } = await import('../../src/index.js');

const EIP = `arn:aws:ec2:eu-west-1:${ACCOUNT}:eip-allocation/eipalloc-0123`;
const HEALTH = `arn:aws:route53:::healthcheck/abc`;

describe('ShieldAdvanced', () => {
  beforeAll(async () => {
    await deploy(
      () =>
        new ShieldAdvanced('shield', {
          protections: [{ name: 'eip', resourceArn: EIP, healthCheckArn: HEALTH }],
          protectionGroups: [{ id: 'all', aggregation: 'MAX', pattern: 'ALL' }],
        }),
    );
    await deploy(() => new ShieldAdvanced('paid', { subscribe: true, srtAccess: false }));
  });

  it('does not subscribe unless asked (the subscription costs money)', () => {
    expect(ofType(resourcesOf('shield'), 'aws:shield/subscription:Subscription')).toEqual([]);
    const sub = one(resourcesOf('paid'), 'aws:shield/subscription:Subscription');
    expect(sub.inputs.autoRenew).toBe('ENABLED');
  });

  it('protects resources, groups them and associates health checks', () => {
    const protection = one(resourcesOf('shield'), 'aws:shield/protection:Protection');
    expect(protection.inputs.resourceArn).toBe(EIP);
    const check = one(
      resourcesOf('shield'),
      'aws:shield/protectionHealthCheckAssociation:ProtectionHealthCheckAssociation',
    );
    expect(check.inputs.healthCheckArn).toBe(HEALTH);
    const group = one(resourcesOf('shield'), 'aws:shield/protectionGroup:ProtectionGroup');
    expect(group.inputs).toMatchObject({ protectionGroupId: 'all', aggregation: 'MAX', pattern: 'ALL' });
  });

  it('gives the Shield Response Team a role with AWSShieldDRTAccessPolicy', () => {
    const role = one(resourcesOf('shield'), 'aws:iam/role:Role');
    expect(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal).toEqual({
      Service: 'drt.shield.amazonaws.com',
    });
    const attachment = one(resourcesOf('shield'), 'aws:iam/rolePolicyAttachment:RolePolicyAttachment');
    expect(attachment.inputs.policyArn).toBe('arn:aws:iam::aws:policy/service-role/AWSShieldDRTAccessPolicy');
    one(resourcesOf('shield'), 'aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation');
    expect(ofType(resourcesOf('paid'), 'aws:iam/role:Role')).toEqual([]);
  });

  it('fails with clear messages on bad groups', () => {
    expect(
      () => new ShieldAdvanced('bad', { protectionGroups: [{ id: 'g', aggregation: 'SUM', pattern: 'ARBITRARY' }] }),
    ).toThrow('protectionGroups.0.members: pattern ARBITRARY needs members');
    expect(
      () =>
        new ShieldAdvanced('bad', { protectionGroups: [{ id: 'g', aggregation: 'SUM', pattern: 'BY_RESOURCE_TYPE' }] }),
    ).toThrow('resourceType is required with pattern BY_RESOURCE_TYPE');
    expect(() => new ShieldAdvanced('bad', { protections: [{ name: 'x', resourceArn: 'nope' }] })).toThrow(
      'protections.0.resourceArn: must be an ARN',
    );
  });
});
