import { beforeAll, describe, expect, it } from 'vitest';
import { deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { SecurityHub } = await import('../../src/index.js');

describe('SecurityHub', () => {
  beforeAll(async () => {
    await deploy(() => new SecurityHub('hub', {}));
    await deploy(
      () =>
        new SecurityHub('orghub', {
          aggregation: ['eu-central-1'],
          organization: { delegatedAdminAccountId: '210987654321' },
        }),
    );
  });

  it('enables the hub with consolidated control findings and no implicit standards', () => {
    const hub = one(resourcesOf('hub'), 'aws:securityhub/account:Account');
    expect(hub.inputs).toMatchObject({
      enableDefaultStandards: false,
      autoEnableControls: true,
      controlFindingGenerator: 'SECURITY_CONTROL',
    });
  });

  it('subscribes to FSBP and CIS AWS Foundations v3.0.0', () => {
    const arns = ofType(resourcesOf('hub'), 'aws:securityhub/standardsSubscription:StandardsSubscription').map(
      (s) => s.inputs.standardsArn,
    );
    expect(arns.sort()).toEqual([
      'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0',
      'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0',
    ]);
  });

  it('aggregates findings from all regions', () => {
    const agg = one(resourcesOf('hub'), 'aws:securityhub/findingAggregator:FindingAggregator');
    expect(agg.inputs.linkingMode).toBe('ALL_REGIONS');
  });

  it('organization mode: delegated admin, auto-enable with default standards, specified regions', () => {
    expect(resourcesOf('hub').filter((r) => r.type.includes('organization'))).toEqual([]);
    const admin = one(resourcesOf('orghub'), 'aws:securityhub/organizationAdminAccount:OrganizationAdminAccount');
    expect(admin.inputs.adminAccountId).toBe('210987654321');
    const config = one(resourcesOf('orghub'), 'aws:securityhub/organizationConfiguration:OrganizationConfiguration');
    expect(config.inputs).toMatchObject({ autoEnable: true, autoEnableStandards: 'DEFAULT' });
    const agg = one(resourcesOf('orghub'), 'aws:securityhub/findingAggregator:FindingAggregator');
    expect(agg.inputs).toMatchObject({ linkingMode: 'SPECIFIED_REGIONS', specifiedRegions: ['eu-central-1'] });
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new SecurityHub('bad', { standards: ['cis-1.2' as 'fsbp'] })).toThrow(
      'Invalid SecurityHub args for "bad": standards.0',
    );
    expect(() => new SecurityHub('bad', { aggregation: ['Europe'] })).toThrow('must be a region such as eu-west-1');
  });
});
