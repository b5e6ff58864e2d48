import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import {
  ArnSchema,
  componentTags,
  environment,
  input,
  type PolicyStatement,
  parseArgs,
  policyDocument,
  TagsSchema,
} from './common.js';

/**
 * What the account root may do with a key. Administration only: using a key to encrypt or decrypt is
 * granted to named principals and services, never to the whole account through IAM.
 */
export const KMS_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
] as const;

/** What named users of a key may do. */
export const KMS_USE_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
] as const;

const KmsActionSchema = z.string().regex(/^kms:[A-Za-z]+$/, 'must be a single kms: action without wildcards');

const ServiceGrantSchema = z.strictObject({
  /** Service principal, such as `cloudtrail.amazonaws.com` or `logs.{region}.amazonaws.com`. */
  service: z
    .string()
    .regex(/^[a-z0-9.{}-]+\.amazonaws\.com$/, 'must be a service principal such as cloudtrail.amazonaws.com'),
  actions: z.array(KmsActionSchema).min(1),
  /**
   * `kms:EncryptionContext:<key>` conditions (StringLike). In these values and in `service`, `{account}`,
   * `{region}` and `{partition}` stand for the deployment's.
   */
  encryptionContext: z.record(z.string(), z.string()).optional(),
  /** Adds `aws:SourceAccount` = this account; on by default (confused-deputy protection). */
  sourceAccount: z.boolean().default(true),
});

const DataClassSchema = z.strictObject({
  description: z.string().optional(),
  /** IAM principals (ARNs, in this account) allowed to use the key, in addition to the services below. */
  users: z.array(input(ArnSchema)).default([]),
  /**
   * Services (such as `s3`, `sns`, `logs`) through which users may use the key; sets `kms:ViaService`.
   * Empty lets users call KMS directly.
   */
  viaServices: z.array(z.string().regex(/^[a-z0-9-]+$/, 'must be a service prefix such as s3')).default([]),
  services: z.array(ServiceGrantSchema).default([]),
  /** 30 days unless set explicitly (AWS allows 7 to 30). */
  deletionWindowInDays: z.number().int().min(7).max(30).default(30),
  /** Automatic rotation is always on; the period can be set (90 to 2560 days). */
  rotationPeriodInDays: z.number().int().min(90).max(2560).default(365),
});

export const KmsKeysArgsSchema = z.strictObject({
  /** One customer managed key per data class, keyed by the class name (kebab-case). */
  keys: z.record(z.string(), DataClassSchema).superRefine((keys, ctx) => {
    if (Object.keys(keys).length === 0)
      ctx.addIssue({ code: 'custom', message: 'at least one data class is required' });
    for (const dataClass of Object.keys(keys)) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(dataClass)) {
        ctx.addIssue({ code: 'custom', path: [dataClass], message: 'data class names must be kebab-case' });
      }
    }
  }),
  /** Aliases are `<aliasPrefix>/<data class>`. */
  aliasPrefix: z
    .string()
    .regex(/^alias\/[A-Za-z0-9/_-]+$/, 'must start with alias/ and not end with /')
    .refine((p) => !p.startsWith('alias/aws'), 'alias/aws is reserved for AWS managed keys')
    .default('alias/rampart'),
  tags: TagsSchema,
});

export type KmsKeysArgs = z.input<typeof KmsKeysArgsSchema>;
export type KmsDataClassArgs = z.input<typeof DataClassSchema>;

/** Customer managed KMS keys per data class: rotation on, 30-day deletion window, least-privilege key policies. */
export class KmsKeys extends pulumi.ComponentResource {
  /** Key ARN per data class. */
  readonly keyArns: Record<string, pulumi.Output<string>>;
  /** Alias name per data class. */
  readonly aliasNames: Record<string, string>;

  constructor(name: string, args: KmsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:kms:KmsKeys', name, {}, opts);
    const parsed = parseArgs(KmsKeysArgsSchema, args, 'KmsKeys', name);
    const env = environment(this);
    const tags = componentTags('baseline', parsed.tags);
    this.keyArns = {};
    this.aliasNames = {};
    for (const [dataClass, spec] of Object.entries(parsed.keys)) {
      const policy = pulumi
        .all([env.accountId, env.region, env.partition, pulumi.all(spec.users)])
        .apply(([account, region, partition, users]) =>
          policyDocument(keyPolicy(spec, { account, region, partition, users: users as string[] })),
        );
      const key = new aws.kms.Key(
        `${name}-${dataClass}`,
        {
          description: spec.description ?? `Rampart ${dataClass} data`,
          enableKeyRotation: true,
          rotationPeriodInDays: spec.rotationPeriodInDays,
          deletionWindowInDays: spec.deletionWindowInDays,
          keyUsage: 'ENCRYPT_DECRYPT',
          customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
          multiRegion: false,
          bypassPolicyLockoutSafetyCheck: false,
          policy,
          tags: { ...tags, 'rampart:data-class': dataClass },
        },
        { parent: this },
      );
      const aliasName = `${parsed.aliasPrefix}/${dataClass}`;
      new aws.kms.Alias(`${name}-${dataClass}-alias`, { name: aliasName, targetKeyId: key.keyId }, { parent: this });
      this.keyArns[dataClass] = key.arn;
      this.aliasNames[dataClass] = aliasName;
    }
    this.registerOutputs({ keyArns: this.keyArns, aliasNames: this.aliasNames });
  }

  /** The ARN of a data class's key; throws when the class was not created. */
  keyArn(dataClass: string): pulumi.Output<string> {
    const arn = this.keyArns[dataClass];
    if (arn === undefined) {
      throw new Error(
        `KmsKeys has no key for data class "${dataClass}" (has: ${Object.keys(this.keyArns).join(', ')})`,
      );
    }
    return arn;
  }
}

function keyPolicy(
  spec: z.output<typeof DataClassSchema>,
  ctx: { account: string; region: string; partition: string; users: string[] },
): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    {
      Sid: 'AccountRootAdministersTheKey',
      Effect: 'Allow',
      Principal: { AWS: `arn:${ctx.partition}:iam::${ctx.account}:root` },
      Action: [...KMS_ADMIN_ACTIONS],
      Resource: '*',
    },
  ];
  if (ctx.users.length > 0) {
    // The principals are named in a condition rather than in Principal, so a key can name a role that is
    // created after it (KMS rejects policies whose Principal does not exist yet). Their IAM policies must
    // allow the use too.
    const condition: NonNullable<PolicyStatement['Condition']> = {
      ArnLike: { 'aws:PrincipalArn': ctx.users },
      StringEquals: { 'kms:CallerAccount': ctx.account },
    };
    if (spec.viaServices.length > 0) {
      condition['StringEquals'] = {
        ...condition['StringEquals'],
        'kms:ViaService': spec.viaServices.map((s) => `${s}.${ctx.region}.amazonaws.com`),
      };
    }
    statements.push({
      Sid: 'NamedPrincipalsUseTheKey',
      Effect: 'Allow',
      Principal: { AWS: `arn:${ctx.partition}:iam::${ctx.account}:root` },
      Action: [...KMS_USE_ACTIONS],
      Resource: '*',
      Condition: condition,
    });
  }
  const fill = (text: string) =>
    text
      .replaceAll('{account}', ctx.account)
      .replaceAll('{region}', ctx.region)
      .replaceAll('{partition}', ctx.partition);
  spec.services.forEach((grant, index) => {
    const condition: NonNullable<PolicyStatement['Condition']> = {};
    if (grant.sourceAccount) condition['StringEquals'] = { 'aws:SourceAccount': ctx.account };
    if (grant.encryptionContext !== undefined) {
      condition['StringLike'] = Object.fromEntries(
        Object.entries(grant.encryptionContext).map(([k, v]) => [`kms:EncryptionContext:${k}`, fill(v)]),
      );
    }
    statements.push({
      Sid: `Service${index}${grant.service.split('.')[0]!.replace(/[^A-Za-z0-9]/g, '')}`,
      Effect: 'Allow',
      Principal: { Service: fill(grant.service) },
      Action: grant.actions,
      Resource: '*',
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    });
  });
  return statements;
}
