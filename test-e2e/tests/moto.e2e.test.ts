import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNT, motoClientConfig } from '../support/aws.js';
import { resetMoto } from '../support/moto.js';

describe('the moto harness', () => {
  beforeAll(async () => {
    await resetMoto(inject('motoEndpoint'));
  });

  it('serves STS on loopback with the default moto account', async () => {
    const sts = new STSClient(motoClientConfig());
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(ACCOUNT);
    expect(inject('motoEndpoint')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('keeps what a test creates until reset', async () => {
    const s3 = new S3Client(motoClientConfig());
    await s3.send(
      new CreateBucketCommand({
        Bucket: 'harness-check',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    const buckets = await s3.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toContain('harness-check');
    await resetMoto(inject('motoEndpoint'));
    const after = await s3.send(new ListBucketsCommand({}));
    expect(after.Buckets ?? []).toEqual([]);
  });
});
