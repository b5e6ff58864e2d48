import { GetPublicAccessBlockCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { client } from '../../clients.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { bucketName, readOrAbsent } from './bucket.js';

const ALL_ON = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
} as const;

export const step = defineStep({
  id: 'block-public-access',
  description: 'Turns on all four bucket-level S3 Block Public Access settings',
  playbooks: ['public-s3-exposure'],
  permissions: [
    {
      sid: 'BlockPublicAccess',
      actions: ['s3:GetBucketPublicAccessBlock', 's3:PutBucketPublicAccessBlock'],
      resources: ['arn:{partition}:s3:::*'],
    },
  ],
  async run(ctx) {
    const bucket = bucketName(ctx);
    const s3 = client(ctx.env, S3Client, 's3');
    const current = await readOrAbsent(
      () => s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })),
      ['NoSuchPublicAccessBlockConfiguration'],
    );
    const config = current?.PublicAccessBlockConfiguration;
    const action = { action: 's3:PutBucketPublicAccessBlock', target: bucket };
    const off = Object.keys(ALL_ON).filter((k) => config?.[k as keyof typeof ALL_ON] !== true);
    if (off.length === 0) {
      ctx.skip({ ...action, detail: 'all four settings already on' });
      return;
    }
    await ctx.perform({ ...action, detail: `turn on ${off.join(', ')}` }, () =>
      s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { ...ALL_ON } })),
    );
  },
});

export const handler = lambdaHandler(step);
