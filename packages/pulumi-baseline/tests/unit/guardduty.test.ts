import { parsePolicy } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { GuardDuty, GUARDDUTY_FEATURES } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`;

describe('GuardDuty', () => {
  beforeAll(async () => {
    await deploy(() => new GuardDuty('gd', { export: { kmsKeyArn: KEY } }));
    await deploy(
      () => new GuardDuty('orggd', { export: false, organization: { delegatedAdminAccountId: '210987654321' } }),
    );
  });

  it('enables the detector with 15-minute publishing', () => {
    const detector = one(resourcesOf('gd'), 'aws:guardduty/detector:Detector');
    expect(detector.inputs.enable).toBe(true);
    expect(detector.inputs.findingPublishingFrequency).toBe('FIFTEEN_MINUTES');
  });

  it('enables every protection plan as a DetectorFeature, runtime monitoring with agent management', () => {
    const features = ofType(resourcesOf('gd'), 'aws:guardduty/detectorFeature:DetectorFeature');
    expect(features.map((f) => f.inputs.name).sort()).toEqual([...GUARDDUTY_FEATURES].sort());
    for (const f of features) expect(f.inputs.status).toBe('ENABLED');
    expect(features.map((f) => f.inputs.name)).not.toContain('EKS_RUNTIME_MONITORING');
    const runtime = features.find((f) => f.inputs.name === 'RUNTIME_MONITORING')!;
    expect(runtime.inputs.additionalConfigurations).toEqual([
      { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
      { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
      { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
    ]);
  });

  it('exports findings to a private KMS-encrypted bucket that only this detector may write', () => {
    const dest = one(resourcesOf('gd'), 'aws:guardduty/publishingDestination:PublishingDestination');
    expect(dest.inputs).toMatchObject({ destinationType: 'S3', kmsKeyArn: KEY });
    const pab = one(resourcesOf('gd'), 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock');
    expect(pab.inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const policy = parsePolicy(one(resourcesOf('gd'), 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy);
    const write = policy.statements.find((s) => s.sid === 'GuardDutyWritesFindings')!;
    expect(write.condition['StringEquals']?.['aws:SourceAccount']).toEqual([ACCOUNT]);
    expect(write.condition['StringEquals']?.['aws:SourceArn']?.[0]).toMatch(/:detector\/gd-detector-id$/);
  });

  it('single-account mode creates no organization resources', () => {
    expect(resourcesOf('gd').filter((r) => r.type.includes('organization'))).toEqual([]);
  });

  it('organization mode registers the delegated admin and auto-enables ALL members for every feature', () => {
    const admin = one(resourcesOf('orggd'), 'aws:guardduty/organizationAdminAccount:OrganizationAdminAccount');
    expect(admin.inputs.adminAccountId).toBe('210987654321');
    const config = one(resourcesOf('orggd'), 'aws:guardduty/organizationConfiguration:OrganizationConfiguration');
    expect(config.inputs.autoEnableOrganizationMembers).toBe('ALL');
    const features = ofType(
      resourcesOf('orggd'),
      'aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature',
    );
    expect(features).toHaveLength(GUARDDUTY_FEATURES.length);
    for (const f of features) expect(f.inputs.autoEnable).toBe('ALL');
    expect(ofType(resourcesOf('orggd'), 'aws:guardduty/publishingDestination:PublishingDestination')).toEqual([]);
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new GuardDuty('bad', {})).toThrow(
      'Invalid GuardDuty args for "bad": export: give export.kmsKeyArn to export findings to an encrypted bucket, or export: false',
    );
    expect(
      () => new GuardDuty('bad', { export: false, features: ['RUNTIME_MONITORING', 'EKS_RUNTIME_MONITORING'] }),
    ).toThrow('RUNTIME_MONITORING and EKS_RUNTIME_MONITORING cannot both be set');
    expect(() => new GuardDuty('bad', { export: false, organization: { delegatedAdminAccountId: '42' } })).toThrow(
      'organization.delegatedAdminAccountId: must be a 12-digit AWS account id',
    );
  });
});
