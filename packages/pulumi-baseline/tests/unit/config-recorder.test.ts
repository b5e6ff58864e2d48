import { parsePolicy } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { ConfigRecorder } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`;

describe('ConfigRecorder', () => {
  beforeAll(() => deploy(() => new ConfigRecorder('cfg', { kmsKeyArn: KEY })));

  it('records every supported resource type, global ones included, continuously', () => {
    const recorder = one(resourcesOf('cfg'), 'aws:cfg/recorder:Recorder');
    expect(recorder.inputs.recordingGroup).toEqual({ allSupported: true, includeGlobalResourceTypes: true });
    expect(recorder.inputs.recordingMode).toEqual({ recordingFrequency: 'CONTINUOUS' });
    expect(one(resourcesOf('cfg'), 'aws:cfg/recorderStatus:RecorderStatus').inputs.isEnabled).toBe(true);
  });

  it('delivers KMS-encrypted to a private SSE-KMS bucket', () => {
    const channel = one(resourcesOf('cfg'), 'aws:cfg/deliveryChannel:DeliveryChannel');
    expect(channel.inputs).toMatchObject({ s3KmsKeyArn: KEY, s3KeyPrefix: 'config' });
    const enc = one(
      resourcesOf('cfg'),
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    );
    expect(enc.inputs.rules[0]).toEqual({
      applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY },
      bucketKeyEnabled: true,
    });
    expect(one(resourcesOf('cfg'), 'aws:s3/bucketVersioning:BucketVersioning').inputs.versioningConfiguration).toEqual({
      status: 'Enabled',
    });
    expect(one(resourcesOf('cfg'), 'aws:s3/bucketOwnershipControls:BucketOwnershipControls').inputs.rule).toEqual({
      objectOwnership: 'BucketOwnerEnforced',
    });
  });

  it('uses a role with the AWS_ConfigRole managed policy and delivery limited to its bucket and key', () => {
    const role = one(resourcesOf('cfg'), 'aws:iam/role:Role');
    expect(role.inputs.name).toBe('cfg-role');
    expect(
      ofType(resourcesOf('cfg'), 'aws:iam/rolePolicyAttachment:RolePolicyAttachment')
        .map((a) => a.inputs.policyArn)
        .sort(),
    ).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole',
      `arn:aws:iam:eu-west-1:${ACCOUNT}:cfg-role-delivery`,
    ]);
    expect(ofType(resourcesOf('cfg'), 'aws:iam/rolePolicy:RolePolicy')).toEqual([]);
    const policy = parsePolicy(one(resourcesOf('cfg'), 'aws:iam/policy:Policy').inputs.policy);
    expect(policy.statements.find((s) => s.sid === 'EncryptDeliveries')?.resources).toEqual([KEY]);
    expect(policy.statements.find((s) => s.sid === 'DeliverToBucket')?.resources).toEqual([
      `arn:aws:s3:::cfg-delivery/config/AWSLogs/${ACCOUNT}/Config/*`,
    ]);
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new ConfigRecorder('bad', { kmsKeyArn: 'key' })).toThrow(
      'Invalid ConfigRecorder args for "bad": kmsKeyArn: must be an ARN',
    );
    expect(() => new ConfigRecorder('bad', { kmsKeyArn: KEY, deliveryFrequency: 'Daily' as 'One_Hour' })).toThrow(
      'deliveryFrequency',
    );
  });
});
