import type { Stack, StackResource } from '../stack.js';
import { isUnknown } from '../unknown.js';
import { isStackResource, satelliteOf } from './satellites.js';
import type { AdaptedItem, AdapterEnv, ResourceAdapter } from './types.js';
import { bool, idOr, policyJson, str, strOrUnknown, tags } from './values.js';

export const KMS_KEY_TOKENS = ['aws:kms/key:Key'] as const;
const KMS_KEY_POLICY = ['aws:kms/keyPolicy:KeyPolicy'];
export const RDS_INSTANCE_TOKENS = ['aws:rds/instance:Instance'] as const;
export const SNS_TOPIC_TOKENS = ['aws:sns/topic:Topic'] as const;

/** The key policy KMS gives a key created without one: the account may manage it through IAM. */
function defaultKeyPolicy(env: AdapterEnv): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:${env.partition}:iam::${env.accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/**
 * `aws.kms.Key`, with its policy from the `policy` input or a separate `aws.kms.KeyPolicy`; the key
 * policy goes where Rampart's collectors put it, `supplementaryConfiguration.Policy`.
 */
export const kmsKeyAdapter: ResourceAdapter = {
  resourceType: 'AWS::KMS::Key',
  tokens: KMS_KEY_TOKENS,
  satellites: KMS_KEY_POLICY,
  adapt(key: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem {
    const keyId = idOr(key.props['keyId'] ?? key.props['id'], key.name);
    const arn = str(key.props['arn']) ?? `arn:${env.partition}:kms:${env.region}:${env.accountId}:key/${keyId}`;
    const separate = satelliteOf(stack, key, KMS_KEY_TOKENS, KMS_KEY_POLICY, 'keyId', ['keyId']);
    const policySource = isStackResource(separate) ? separate.props['policy'] : (separate ?? key.props['policy']);
    const enabled = bool(key.props['isEnabled'], true);
    return {
      resourceType: 'AWS::KMS::Key',
      resourceId: keyId,
      arn,
      tags: tags(key.props['tags']),
      configuration: {
        awsaccountId: env.accountId,
        keyId,
        arn,
        enabled,
        description: str(key.props['description']) ?? '',
        keyUsage: strOrUnknown(key.props['keyUsage']) ?? 'ENCRYPT_DECRYPT',
        keyState: isUnknown(enabled) ? enabled : enabled ? 'Enabled' : 'Disabled',
        deletionDate: null,
        origin: 'AWS_KMS',
        keyManager: 'CUSTOMER',
        customerMasterKeySpec: strOrUnknown(key.props['customerMasterKeySpec']) ?? 'SYMMETRIC_DEFAULT',
        keySpec: strOrUnknown(key.props['customerMasterKeySpec']) ?? 'SYMMETRIC_DEFAULT',
        multiRegion: key.props['multiRegion'] === true,
      },
      supplementaryConfiguration: {
        KeyRotationStatus: bool(key.props['enableKeyRotation'], false),
        Policy: policyJson(policySource, `${key.type} ${key.name} policy`) ?? defaultKeyPolicy(env),
      },
    };
  },
};

/** `aws.rds.Instance`: public accessibility and storage encryption, with the provider's defaults (false). */
export const rdsInstanceAdapter: ResourceAdapter = {
  resourceType: 'AWS::RDS::DBInstance',
  tokens: RDS_INSTANCE_TOKENS,
  satellites: [],
  adapt(db: StackResource, _stack: Stack, env: AdapterEnv): AdaptedItem {
    const identifier = idOr(db.props['identifier'], db.name);
    const arn = `arn:${env.partition}:rds:${env.region}:${env.accountId}:db:${identifier}`;
    return {
      resourceType: 'AWS::RDS::DBInstance',
      resourceId: idOr(db.props['resourceId'], identifier),
      resourceName: identifier,
      arn,
      tags: tags(db.props['tags']),
      configuration: {
        dBInstanceIdentifier: identifier,
        dBInstanceClass: strOrUnknown(db.props['instanceClass']) ?? null,
        engine: strOrUnknown(db.props['engine']) ?? null,
        dBInstanceStatus: 'available',
        publiclyAccessible: bool(db.props['publiclyAccessible'], false),
        storageEncrypted: bool(db.props['storageEncrypted'], false),
        kmsKeyId: strOrUnknown(db.props['kmsKeyId']) ?? null,
        multiAZ: bool(db.props['multiAz'], false),
        deletionProtection: bool(db.props['deletionProtection'], false),
        dBInstanceArn: arn,
      },
      supplementaryConfiguration: {},
    };
  },
};

/** `aws.sns.Topic`: the configuration item keeps SNS's attribute names (`KmsMasterKeyId`, ...). */
export const snsTopicAdapter: ResourceAdapter = {
  resourceType: 'AWS::SNS::Topic',
  tokens: SNS_TOPIC_TOKENS,
  satellites: [],
  adapt(topic: StackResource, _stack: Stack, env: AdapterEnv): AdaptedItem {
    const name = idOr(topic.props['name'], topic.name);
    const arn = str(topic.props['arn']) ?? `arn:${env.partition}:sns:${env.region}:${env.accountId}:${name}`;
    return {
      resourceType: 'AWS::SNS::Topic',
      resourceId: arn,
      resourceName: name,
      arn,
      tags: tags(topic.props['tags']),
      configuration: {
        TopicArn: arn,
        DisplayName: str(topic.props['displayName']) ?? null,
        Owner: env.accountId,
        KmsMasterKeyId: strOrUnknown(topic.props['kmsMasterKeyId']) ?? null,
        FifoTopic: String(topic.props['fifoTopic'] === true),
      },
      supplementaryConfiguration: {},
    };
  },
};
