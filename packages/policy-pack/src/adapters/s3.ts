import type { Stack, StackResource } from '../stack.js';
import { isUnknown, unknownValue } from '../unknown.js';
import { isStackResource, satelliteOf } from './satellites.js';
import type { AdaptedItem, AdapterEnv, FactAdapter, ResourceAdapter } from './types.js';
import { bool, idOr, list, policyJson, record, str, strOrUnknown, tags } from './values.js';

export const S3_BUCKET_TOKENS = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'] as const;
export const S3_PUBLIC_ACCESS_BLOCK = ['aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock'] as const;
export const S3_POLICY = ['aws:s3/bucketPolicy:BucketPolicy'] as const;
export const S3_VERSIONING = [
  'aws:s3/bucketVersioning:BucketVersioning',
  'aws:s3/bucketVersioningV2:BucketVersioningV2',
];
export const S3_ENCRYPTION = [
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
];
export const S3_LOGGING = ['aws:s3/bucketLogging:BucketLogging', 'aws:s3/bucketLoggingV2:BucketLoggingV2'];
export const S3_ACL = ['aws:s3/bucketAcl:BucketAcl', 'aws:s3/bucketAclV2:BucketAclV2'];
export const S3_ACCOUNT_PUBLIC_ACCESS_BLOCK = ['aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock'];

const OWNER = { id: 'bucket-owner', displayName: null };

/** Canned ACLs that grant public groups something, as AWS Config records the grants. */
const CANNED_PUBLIC_GRANTS: Readonly<Record<string, { grantee: string; permission: string }[]>> = {
  'public-read': [{ grantee: 'AllUsers', permission: 'Read' }],
  'public-read-write': [
    { grantee: 'AllUsers', permission: 'Read' },
    { grantee: 'AllUsers', permission: 'Write' },
  ],
  'authenticated-read': [{ grantee: 'AuthenticatedUsers', permission: 'Read' }],
};

function satellite(stack: Stack, bucket: StackResource, tokens: readonly string[]): StackResource | object | undefined {
  return satelliteOf(stack, bucket, S3_BUCKET_TOKENS, tokens, 'bucket', ['bucket']);
}

/** A satellite's props, or the unknown marker standing for them. */
function propsOf(found: StackResource | object | undefined): Record<string, unknown> | object | undefined {
  return isStackResource(found) ? found.props : found;
}

function publicAccessBlock(stack: Stack, bucket: StackResource): unknown {
  const pab = propsOf(satellite(stack, bucket, S3_PUBLIC_ACCESS_BLOCK));
  if (pab === undefined) {
    // S3 turns all four settings on for every bucket created since April 2023.
    return { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
  }
  if (isUnknown(pab)) return pab;
  const p = pab as Record<string, unknown>;
  return {
    blockPublicAcls: bool(p['blockPublicAcls'], false),
    ignorePublicAcls: bool(p['ignorePublicAcls'], false),
    blockPublicPolicy: bool(p['blockPublicPolicy'], false),
    restrictPublicBuckets: bool(p['restrictPublicBuckets'], false),
  };
}

function bucketPolicy(stack: Stack, bucket: StackResource): unknown {
  const found = propsOf(satellite(stack, bucket, S3_POLICY));
  if (isUnknown(found)) return { policyText: found };
  const source = found !== undefined ? (found as Record<string, unknown>)['policy'] : bucket.props['policy'];
  return { policyText: policyJson(source, `${bucket.type} ${bucket.name} policy`) ?? null };
}

function versioning(stack: Stack, bucket: StackResource): unknown {
  const found = propsOf(satellite(stack, bucket, S3_VERSIONING));
  if (isUnknown(found)) return found;
  if (found !== undefined) {
    const conf = (found as Record<string, unknown>)['versioningConfiguration'];
    if (isUnknown(conf)) return conf;
    const status = record(conf)['status'];
    if (isUnknown(status)) return { status, isMfaDeleteEnabled: null };
    // The provider's `Disabled` means "never enabled", which S3 reports as Off.
    return { status: status === 'Enabled' || status === 'Suspended' ? status : 'Off', isMfaDeleteEnabled: null };
  }
  const inline = record(bucket.props['versioning'] ?? list(bucket.props['versionings'])[0]);
  const enabled = inline['enabled'];
  if (isUnknown(enabled)) return { status: enabled, isMfaDeleteEnabled: null };
  return { status: enabled === true ? 'Enabled' : 'Off', isMfaDeleteEnabled: null };
}

function encryptionRule(rule: unknown): unknown {
  if (isUnknown(rule)) return rule;
  const r = record(rule);
  const byDefault = r['applyServerSideEncryptionByDefault'];
  const d = record(byDefault);
  return {
    applyServerSideEncryptionByDefault: isUnknown(byDefault)
      ? byDefault
      : {
          sseAlgorithm: strOrUnknown(d['sseAlgorithm']) ?? 'AES256',
          kmsMasterKeyID: strOrUnknown(d['kmsMasterKeyId']) ?? null,
        },
    bucketKeyEnabled: bool(r['bucketKeyEnabled'], false),
  };
}

function encryption(stack: Stack, bucket: StackResource): unknown {
  const found = propsOf(satellite(stack, bucket, S3_ENCRYPTION));
  if (isUnknown(found)) return found;
  if (found !== undefined) {
    const rules = (found as Record<string, unknown>)['rules'];
    if (isUnknown(rules)) return { rules };
    return { rules: list(rules).map(encryptionRule) };
  }
  const inline = record(
    bucket.props['serverSideEncryptionConfiguration'] ?? list(bucket.props['serverSideEncryptionConfigurations'])[0],
  );
  const rules = [inline['rule'], ...list(inline['rules'])].filter((r) => r !== undefined);
  if (rules.length > 0) return { rules: rules.map(encryptionRule) };
  // S3 encrypts every new object with SSE-S3 since January 2023; AWS Config records that default.
  return {
    rules: [
      { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256', kmsMasterKeyID: null }, bucketKeyEnabled: false },
    ],
  };
}

function logging(stack: Stack, bucket: StackResource): unknown {
  const found = propsOf(satellite(stack, bucket, S3_LOGGING));
  if (isUnknown(found)) return found;
  const source =
    found !== undefined
      ? (found as Record<string, unknown>)
      : record(bucket.props['logging'] ?? list(bucket.props['loggings'])[0]);
  return {
    destinationBucketName: strOrUnknown(source['targetBucket']) ?? null,
    logFilePrefix: strOrUnknown(source['targetPrefix']) ?? null,
  };
}

function grantsOf(acl: unknown, grants: unknown): unknown {
  if (isUnknown(acl)) return acl;
  if (isUnknown(grants)) return grants;
  const out: unknown[] = [{ grantee: OWNER, permission: 'FullControl' }];
  if (typeof acl === 'string') out.push(...(CANNED_PUBLIC_GRANTS[acl] ?? []));
  for (const g of list(grants)) {
    if (isUnknown(g)) return g;
    const grant = record(g);
    const grantee = record(grant['grantee']);
    const uri = grantee['uri'] ?? grant['uri'];
    const permissions = [grant['permission'], ...list(grant['permissions'])];
    for (const permission of permissions) {
      if (permission === undefined) continue;
      if (isUnknown(uri) || isUnknown(permission)) return unknownValue('bucket ACL grant');
      out.push({
        grantee: typeof uri === 'string' ? { uri } : { id: str(grantee['id'] ?? grant['id']) ?? null },
        permission,
      });
    }
  }
  return out;
}

function accessControlList(stack: Stack, bucket: StackResource): unknown {
  const found = propsOf(satellite(stack, bucket, S3_ACL));
  if (isUnknown(found)) return found;
  const grantList =
    found !== undefined
      ? grantsOf(
          (found as Record<string, unknown>)['acl'],
          record((found as Record<string, unknown>)['accessControlPolicy'])['grants'],
        )
      : grantsOf(bucket.props['acl'], bucket.props['grants']);
  if (isUnknown(grantList)) return grantList;
  // AWS Config sends the ACL as a JSON string.
  return JSON.stringify({ grantList, owner: OWNER });
}

/** `aws.s3.Bucket` (and the deprecated `BucketV2`) with its public access block, policy, versioning, encryption, logging and ACL resources. */
export const s3BucketAdapter: ResourceAdapter = {
  resourceType: 'AWS::S3::Bucket',
  tokens: S3_BUCKET_TOKENS,
  satellites: [...S3_PUBLIC_ACCESS_BLOCK, ...S3_POLICY, ...S3_VERSIONING, ...S3_ENCRYPTION, ...S3_LOGGING, ...S3_ACL],
  adapt(bucket: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem {
    const name = idOr(bucket.props['bucket'], bucket.name);
    return {
      resourceType: 'AWS::S3::Bucket',
      resourceId: name,
      resourceName: name,
      arn: `arn:${env.partition}:s3:::${name}`,
      tags: tags(bucket.props['tags']),
      configuration: { name, owner: OWNER, creationDate: null },
      supplementaryConfiguration: {
        AccessControlList: accessControlList(stack, bucket),
        BucketLoggingConfiguration: logging(stack, bucket),
        BucketPolicy: bucketPolicy(stack, bucket),
        BucketVersioningConfiguration: versioning(stack, bucket),
        IsRequesterPaysEnabled: false,
        PublicAccessBlockConfiguration: publicAccessBlock(stack, bucket),
        ServerSideEncryptionConfiguration: encryption(stack, bucket),
      },
    };
  },
};

/** `aws.s3.AccountPublicAccessBlock` → `Rampart::S3::AccountPublicAccessBlock` (read by the public read/write controls). */
export const s3AccountPublicAccessBlockFact: FactAdapter = {
  factType: 'Rampart::S3::AccountPublicAccessBlock',
  tokens: S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
  satellites: [],
  build(stack) {
    const resource = stack.ofType(S3_ACCOUNT_PUBLIC_ACCESS_BLOCK)[0];
    if (resource === undefined) return undefined;
    const flags = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;
    // Facts are validated as plain data, so an unknown flag leaves the fact out (the controls then use the bucket's own settings).
    if (flags.some((f) => isUnknown(resource.props[f]))) return undefined;
    const configuration = Object.fromEntries(flags.map((f) => [f, resource.props[f] === true]));
    return { resource, value: { configuration } };
  },
};
