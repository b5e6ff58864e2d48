import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  type Grant,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { S3AccountPublicAccessBlockFact } from '@rampart/core';
import { configObject, tagMap } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const BUCKET = 'AWS::S3::Bucket';

/** GetBucketLocation answers `null`/empty for us-east-1 and `EU` for the oldest eu-west-1 buckets. */
export function bucketRegion(constraint: string | undefined | null): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

/** A "not configured" answer becomes `fallback`; anything else is a failure of the bucket's read. */
async function optional<T>(read: () => Promise<T>, notFound: readonly string[], fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error, notFound)) return fallback;
    throw error;
  }
}

/** ACL grants as AWS Config records them: group grantees as `AllUsers`/`AuthenticatedUsers`/`LogDelivery`. */
function aclGrant(grant: Grant): Record<string, unknown> {
  const g = grant.Grantee;
  let grantee: unknown = null;
  if (g?.Type === 'Group' && g.URI !== undefined) {
    const name = g.URI.split('/').pop() ?? g.URI;
    grantee =
      name === 'AllUsers'
        ? 'AllUsers'
        : name === 'AuthenticatedUsers'
          ? 'AuthenticatedUsers'
          : name === 'LogDelivery'
            ? 'LogDelivery'
            : { uri: g.URI };
  } else if (g !== undefined) {
    grantee = { id: g.ID ?? null, displayName: g.DisplayName ?? null };
  }
  return { grantee, permission: permissionName(grant.Permission), referenceId: null };
}

/** `FULL_CONTROL` → `FullControl`, `READ_ACP` → `ReadAcp`, as AWS Config spells permissions. */
function permissionName(permission: string | undefined): string | null {
  if (permission === undefined) return null;
  return permission
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

async function readBucket(ctx: ReaderContext, name: string, region: string, createdAt: string | null): Promise<void> {
  const s3 = ctx.clients.get(S3Client, 's3', region);
  const Bucket = name;
  const [policy, pab, encryption, logging, versioning, acl, tags] = await Promise.all([
    optional(
      async () => (await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy ?? null,
      ['NoSuchBucketPolicy'],
      null,
    ),
    optional(
      async () =>
        configObject((await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration),
      ['NoSuchPublicAccessBlockConfiguration'],
      null,
    ),
    optional(
      async () => {
        const c = (await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration;
        // Spelled out: AWS Config writes `sseAlgorithm` and `kmsMasterKeyID`, not a mechanical camelCase.
        return {
          rules: (c?.Rules ?? []).map((r) => ({
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? null,
              kmsMasterKeyID: r.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID ?? null,
            },
            bucketKeyEnabled: r.BucketKeyEnabled === true,
          })),
        };
      },
      ['ServerSideEncryptionConfigurationNotFoundError'],
      null,
    ),
    s3.send(new GetBucketLoggingCommand({ Bucket })),
    s3.send(new GetBucketVersioningCommand({ Bucket })),
    s3.send(new GetBucketAclCommand({ Bucket })),
    optional(
      async () => (await s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet ?? [],
      ['NoSuchTagSet', 'NoSuchTagSetError'],
      [],
    ),
  ]);
  const owner = { displayName: acl.Owner?.DisplayName ?? null, id: acl.Owner?.ID ?? null };
  const supplementaryConfiguration: Record<string, unknown> = {
    // AWS Config keeps the ACL as a JSON string in every item shape.
    AccessControlList: JSON.stringify({
      grantSet: null,
      grantList: (acl.Grants ?? []).map(aclGrant),
      owner,
      isRequesterCharged: false,
    }),
    BucketLoggingConfiguration: {
      destinationBucketName: logging.LoggingEnabled?.TargetBucket ?? null,
      logFilePrefix: logging.LoggingEnabled?.TargetPrefix ?? null,
    },
    BucketPolicy: { policyText: policy },
    BucketVersioningConfiguration: {
      status: versioning.Status ?? 'Off',
      isMfaDeleteEnabled: versioning.MFADelete === undefined ? null : versioning.MFADelete === 'Enabled',
    },
  };
  // AWS Config leaves these keys out when the bucket has no such configuration.
  if (pab !== null) supplementaryConfiguration['PublicAccessBlockConfiguration'] = pab;
  if (encryption !== null) supplementaryConfiguration['ServerSideEncryptionConfiguration'] = encryption;
  ctx.item(
    {
      resourceType: BUCKET,
      resourceId: name,
      resourceName: name,
      arn: `arn:${ctx.partition}:s3:::${name}`,
      tags: tagMap(tags),
      configuration: { name, owner, creationDate: createdAt },
      supplementaryConfiguration,
    },
    region,
  );
}

/** Buckets are listed once per account and recorded in their own region, as AWS Config does. */
export const s3Reader: ServiceReader = {
  service: 's3',
  scope: 'global',
  resourceTypes: [BUCKET],
  factTypes: [],
  async read(ctx) {
    const s3 = ctx.clients.get(S3Client, 's3', ctx.apiRegion);
    const scanned = new Set(ctx.regions);
    // Until a bucket's region is known, a failure leaves buckets unknown in every scanned region.
    const failEverywhere = (operation: string, error: unknown, subject?: string) => {
      for (const region of ctx.regions) ctx.fail(operation, [BUCKET], error, region, subject);
    };
    let buckets: { name: string; region: string | undefined; created: string | null }[] = [];
    try {
      let token: string | undefined;
      do {
        const page = await s3.send(new ListBucketsCommand({ ContinuationToken: token, MaxBuckets: 1000 }));
        for (const b of page.Buckets ?? []) {
          if (b.Name !== undefined)
            buckets.push({ name: b.Name, region: b.BucketRegion, created: b.CreationDate?.toISOString() ?? null });
        }
        token = page.ContinuationToken;
      } while (token !== undefined);
    } catch (error) {
      failEverywhere('ListBuckets', error);
      return;
    }
    buckets = await ctx.limiter.map(buckets, async (b) => {
      if (b.region !== undefined) return b;
      try {
        const location = await s3.send(new GetBucketLocationCommand({ Bucket: b.name }));
        return { ...b, region: bucketRegion(location.LocationConstraint) };
      } catch (error) {
        failEverywhere('GetBucketLocation', error, `bucket ${b.name}`);
        return b;
      }
    });
    await ctx.limiter.map(
      buckets.filter((b) => b.region !== undefined && scanned.has(b.region)),
      async (b) => {
        try {
          await readBucket(ctx, b.name, b.region!, b.created);
        } catch (error) {
          ctx.fail('GetBucket*', [BUCKET], error, b.region, `bucket ${b.name}`);
        }
      },
    );
  },
};

export const s3ControlReader: ServiceReader = {
  service: 's3control',
  scope: 'global',
  resourceTypes: [],
  factTypes: [S3AccountPublicAccessBlockFact.type],
  async read(ctx) {
    const control = ctx.clients.get(S3ControlClient, 's3control', ctx.apiRegion);
    await ctx.attempt('GetPublicAccessBlock', [S3AccountPublicAccessBlockFact.type], async () => {
      const configuration = await optional(
        async () => {
          const c = (await control.send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.accountId })))
            .PublicAccessBlockConfiguration;
          return {
            blockPublicAcls: c?.BlockPublicAcls === true,
            ignorePublicAcls: c?.IgnorePublicAcls === true,
            blockPublicPolicy: c?.BlockPublicPolicy === true,
            restrictPublicBuckets: c?.RestrictPublicBuckets === true,
          };
        },
        ['NoSuchPublicAccessBlockConfiguration'],
        null,
      );
      ctx.fact(S3AccountPublicAccessBlockFact, { configuration });
    });
  },
};
