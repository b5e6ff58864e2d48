import {
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { client } from '../../clients.js';
import { defineStep, EVIDENCE_PERMISSIONS, lambdaHandler } from '../../step.js';
import { bucketName, isPublicGrant, readOrAbsent, splitPublicStatements } from './bucket.js';

export const step = defineStep({
  id: 'save-bucket-access-evidence',
  description:
    "Saves the bucket's policy, ACL, public access block and ownership controls as evidence before any change",
  playbooks: ['public-s3-exposure'],
  permissions: [
    {
      sid: 'ReadBucketAccess',
      actions: [
        's3:GetBucketAcl',
        's3:GetBucketOwnershipControls',
        's3:GetBucketPolicy',
        's3:GetBucketPublicAccessBlock',
      ],
      resources: ['arn:{partition}:s3:::*'],
    },
    ...EVIDENCE_PERMISSIONS,
  ],
  async run(ctx) {
    const bucket = bucketName(ctx);
    const s3 = client(ctx.env, S3Client, 's3');
    const policy = await readOrAbsent(
      () => s3.send(new GetBucketPolicyCommand({ Bucket: bucket })),
      ['NoSuchBucketPolicy'],
    );
    const acl = await readOrAbsent(() => s3.send(new GetBucketAclCommand({ Bucket: bucket })), []);
    const block = await readOrAbsent(
      () => s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })),
      ['NoSuchPublicAccessBlockConfiguration'],
    );
    const ownership = await readOrAbsent(
      () => s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })),
      ['OwnershipControlsNotFoundError'],
    );
    const publicStatements = policy?.Policy ? splitPublicStatements(policy.Policy).publicStatements.length : 0;
    const publicGrants = (acl?.Grants ?? []).filter(isPublicGrant).length;
    Object.assign(ctx.data, { hasPolicy: policy?.Policy !== undefined, publicStatements, publicGrants });
    const at = ctx.now().toISOString();
    await ctx.saveEvidence('bucket-policy.json', { bucket, recordedAt: at, policy: policy?.Policy ?? null });
    await ctx.saveEvidence('bucket-acl.json', {
      bucket,
      recordedAt: at,
      owner: acl?.Owner ?? null,
      grants: acl?.Grants ?? [],
    });
    await ctx.saveEvidence('public-access-block.json', {
      bucket,
      recordedAt: at,
      publicAccessBlock: block?.PublicAccessBlockConfiguration ?? null,
      ownershipControls: ownership?.OwnershipControls ?? null,
    });
  },
});

export const handler = lambdaHandler(step);
