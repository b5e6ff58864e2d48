import {
  DeleteBucketPolicyCommand,
  GetBucketAclCommand,
  GetBucketPolicyCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { client } from '../../clients.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { bucketName, isPublicGrant, readOrAbsent, splitPublicStatements } from './bucket.js';

function label(statement: unknown, index: number): string {
  const sid = (statement as { Sid?: unknown } | null)?.Sid;
  return typeof sid === 'string' && sid !== '' ? sid : `#${index + 1}`;
}

export const step = defineStep({
  id: 'remove-public-statements',
  description:
    'Removes bucket policy statements that allow everyone without a restricting condition, and ACL grants to AllUsers or AuthenticatedUsers',
  playbooks: ['public-s3-exposure'],
  permissions: [
    {
      sid: 'RemovePublicGrants',
      actions: [
        's3:DeleteBucketPolicy',
        's3:GetBucketAcl',
        's3:GetBucketPolicy',
        's3:PutBucketAcl',
        's3:PutBucketPolicy',
      ],
      resources: ['arn:{partition}:s3:::*'],
    },
  ],
  async run(ctx) {
    const bucket = bucketName(ctx);
    const s3 = client(ctx.env, S3Client, 's3');
    const policy = await readOrAbsent(
      () => s3.send(new GetBucketPolicyCommand({ Bucket: bucket })),
      ['NoSuchBucketPolicy'],
    );
    if (policy?.Policy === undefined) {
      ctx.skip({ action: 's3:PutBucketPolicy', target: bucket, detail: 'no bucket policy' });
    } else {
      const { document, publicStatements, kept } = splitPublicStatements(policy.Policy);
      const names = publicStatements.map(label).join(', ');
      if (publicStatements.length === 0) {
        ctx.skip({ action: 's3:PutBucketPolicy', target: bucket, detail: 'no public statements' });
      } else if (kept.length === 0) {
        await ctx.perform(
          { action: 's3:DeleteBucketPolicy', target: bucket, detail: `every statement was public: ${names}` },
          () => s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket })),
        );
      } else {
        const next = JSON.stringify({ ...document, Statement: kept });
        await ctx.perform(
          { action: 's3:PutBucketPolicy', target: bucket, detail: `remove statement(s) ${names}` },
          () => s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: next })),
        );
      }
      ctx.data['removedStatements'] = publicStatements.length;
    }
    const acl = await readOrAbsent(() => s3.send(new GetBucketAclCommand({ Bucket: bucket })), []);
    const grants = acl?.Grants ?? [];
    const publicGrants = grants.filter(isPublicGrant);
    ctx.data['removedGrants'] = publicGrants.length;
    if (publicGrants.length === 0) {
      ctx.skip({ action: 's3:PutBucketAcl', target: bucket, detail: 'no public ACL grants' });
      return;
    }
    const removed = publicGrants.map((g) => `${g.Grantee?.URI?.split('/').pop()}:${g.Permission}`).join(', ');
    await ctx.perform({ action: 's3:PutBucketAcl', target: bucket, detail: `remove grant(s) ${removed}` }, () =>
      s3.send(
        new PutBucketAclCommand({
          Bucket: bucket,
          AccessControlPolicy: { Owner: acl?.Owner, Grants: grants.filter((g) => !isPublicGrant(g)) },
        }),
      ),
    );
  },
});

export const handler = lambdaHandler(step);
