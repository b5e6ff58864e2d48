import { parsePolicy } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { CloudTrail } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`;

describe('CloudTrail', () => {
  beforeAll(async () => {
    await deploy(() => new CloudTrail('trail', { kmsKeyArn: KEY }));
    await deploy(
      () =>
        new CloudTrail('otrail', {
          kmsKeyArn: KEY,
          isOrganizationTrail: true,
          organizationId: 'o-abc123def4',
          cloudWatchLogs: false,
        }),
    );
  });

  it('is multi-region with log file validation and KMS', () => {
    const trail = one(resourcesOf('trail'), 'aws:cloudtrail/trail:Trail');
    expect(trail.inputs).toMatchObject({
      name: 'trail',
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      isOrganizationTrail: false,
      kmsKeyId: KEY,
    });
  });

  it('records management events and all S3 data events', () => {
    const trail = one(resourcesOf('trail'), 'aws:cloudtrail/trail:Trail');
    expect(trail.inputs.advancedEventSelectors).toEqual([
      { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
      {
        name: 'S3 data events (all)',
        fieldSelectors: [
          { field: 'eventCategory', equals: ['Data'] },
          { field: 'resources.type', equals: ['AWS::S3::Object'] },
        ],
      },
    ]);
  });

  it('delivers to an encrypted CloudWatch Logs group through a role limited to it', () => {
    const group = one(resourcesOf('trail'), 'aws:cloudwatch/logGroup:LogGroup');
    expect(group.inputs.kmsKeyId).toBe(KEY);
    expect(group.inputs.retentionInDays).toBe(365);
    const trail = one(resourcesOf('trail'), 'aws:cloudtrail/trail:Trail');
    expect(trail.inputs.cloudWatchLogsGroupArn).toMatch(/:\*$/);
    const managed = one(resourcesOf('trail'), 'aws:iam/policy:Policy');
    expect(managed.name).toBe('trail-cloudwatch-policy');
    expect(one(resourcesOf('trail'), 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').inputs).toMatchObject({
      role: 'trail-cloudwatch-role',
      policyArn: `arn:aws:iam:eu-west-1:${ACCOUNT}:trail-cloudwatch-policy`,
    });
    expect(ofType(resourcesOf('trail'), 'aws:iam/rolePolicy:RolePolicy')).toEqual([]);
    const policy = parsePolicy(managed.inputs.policy);
    expect(policy.statements[0]?.actions).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(policy.statements[0]?.resources?.[0]).toMatch(/:log-stream:\*$/);
  });

  it('writes to a private bucket that only this trail may write', () => {
    const policy = parsePolicy(one(resourcesOf('trail'), 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy);
    const write = policy.statements.find((s) => s.sid === 'CloudTrailWrite')!;
    expect(write.resources).toEqual([`arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`]);
    expect(write.condition['StringEquals']?.['aws:SourceArn']).toEqual([
      `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/trail`,
    ]);
    expect(policy.statements.find((s) => s.sid === 'DenyInsecureTransport')?.effect).toBe('Deny');
  });

  it('organization trail: flag set and the organization prefix writable', () => {
    const trail = one(resourcesOf('otrail'), 'aws:cloudtrail/trail:Trail');
    expect(trail.inputs.isOrganizationTrail).toBe(true);
    expect(trail.inputs.cloudWatchLogsGroupArn).toBeUndefined();
    expect(ofType(resourcesOf('otrail'), 'aws:cloudwatch/logGroup:LogGroup')).toEqual([]);
    const policy = parsePolicy(one(resourcesOf('otrail'), 'aws:s3/bucketPolicy:BucketPolicy').inputs.policy);
    expect(policy.statements.find((s) => s.sid === 'CloudTrailWrite')?.resources).toContain(
      'arn:aws:s3:::otrail-logs/AWSLogs/o-abc123def4/*',
    );
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new CloudTrail('bad', {} as never)).toThrow('Invalid CloudTrail args for "bad": kmsKeyArn');
    expect(() => new CloudTrail('bad', { kmsKeyArn: KEY, isOrganizationTrail: true })).toThrow(
      'organizationId: required for an organization trail',
    );
  });
});
