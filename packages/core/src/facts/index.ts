import * as z from 'zod';
import { defineFact, type FactType } from './fact.js';

export { defineFact, type FactType, factResourceId } from './fact.js';

const FeatureStatusSchema = z.enum(['ENABLED', 'DISABLED']);

/** GuardDuty in one account and region. */
export const GuardDutyStatusFact = defineFact({
  type: 'Rampart::GuardDuty::Status',
  description:
    'GuardDuty detector of the region (status, finding frequency, protection-plan features) and its administrator account.',
  source: 'guardduty:ListDetectors, guardduty:GetDetector, guardduty:GetAdministratorAccount',
  scope: 'regional',
  schema: z.object({
    detectorId: z.string().nullable(),
    status: z.enum(['ENABLED', 'DISABLED']).nullable(),
    findingPublishingFrequency: z.enum(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS']).nullish(),
    features: z
      .array(
        z.object({
          name: z.string(),
          status: FeatureStatusSchema,
          additionalConfiguration: z.array(z.object({ name: z.string(), status: FeatureStatusSchema })).optional(),
        }),
      )
      .default([]),
    administratorAccountId: z.string().nullish(),
  }),
});
export type GuardDutyStatus = z.infer<typeof GuardDutyStatusFact.schema>;

/** Security Hub in one account and region. */
export const SecurityHubStatusFact = defineFact({
  type: 'Rampart::SecurityHub::Status',
  description: 'Whether Security Hub is enabled in the region, and the ARNs of the standards enabled there.',
  source: 'securityhub:DescribeHub, securityhub:GetEnabledStandards',
  scope: 'regional',
  schema: z.object({
    enabled: z.boolean(),
    hubArn: z.string().nullish(),
    subscribedAt: z.string().nullish(),
    standards: z.array(z.object({ standardsArn: z.string(), status: z.string() })).default([]),
  }),
});
export type SecurityHubStatus = z.infer<typeof SecurityHubStatusFact.schema>;

const EventSelectorSchema = z.object({
  readWriteType: z.enum(['ReadOnly', 'WriteOnly', 'All']).optional(),
  includeManagementEvents: z.boolean().optional(),
  excludeManagementEventSources: z.array(z.string()).optional(),
  dataResources: z.array(z.object({ type: z.string(), values: z.array(z.string()).default([]) })).default([]),
});

const AdvancedEventSelectorSchema = z.object({
  name: z.string().optional(),
  fieldSelectors: z.array(
    z.object({
      field: z.string(),
      equals: z.array(z.string()).optional(),
      notEquals: z.array(z.string()).optional(),
      startsWith: z.array(z.string()).optional(),
      notStartsWith: z.array(z.string()).optional(),
      endsWith: z.array(z.string()).optional(),
      notEndsWith: z.array(z.string()).optional(),
    }),
  ),
});

/** Every CloudTrail trail that applies to one account and region, with its status and selectors. */
export const CloudTrailTrailsFact = defineFact({
  type: 'Rampart::CloudTrail::Trails',
  description:
    'The trails that log this region (home or multi-region, organization trails included), with logging status and event selectors.',
  source: 'cloudtrail:DescribeTrails, cloudtrail:GetTrailStatus, cloudtrail:GetEventSelectors',
  scope: 'regional',
  schema: z.object({
    trails: z.array(
      z.object({
        name: z.string(),
        trailArn: z.string(),
        homeRegion: z.string(),
        isMultiRegionTrail: z.boolean(),
        isOrganizationTrail: z.boolean().default(false),
        isLogging: z.boolean(),
        includeGlobalServiceEvents: z.boolean().default(true),
        logFileValidationEnabled: z.boolean().default(false),
        kmsKeyId: z.string().nullish(),
        s3BucketName: z.string().nullish(),
        cloudWatchLogsLogGroupArn: z.string().nullish(),
        /** GetTrailStatus `LatestCloudWatchLogsDeliveryTime` (ISO 8601); null when never delivered, absent when not read. */
        latestCloudWatchLogsDeliveryTime: z.string().nullish(),
        eventSelectors: z.array(EventSelectorSchema).default([]),
        advancedEventSelectors: z.array(AdvancedEventSelectorSchema).default([]),
      }),
    ),
  }),
});
export type CloudTrailTrails = z.infer<typeof CloudTrailTrailsFact.schema>;
export type CloudTrailTrail = CloudTrailTrails['trails'][number];

const IsoDate = z.string().nullish();

/** The IAM credential report, one row per user (`<root_account>` included), fields in camelCase. */
export const CredentialReportFact = defineFact({
  type: 'Rampart::IAM::CredentialReport',
  description:
    'The IAM credential report: per user (root included) password and access-key state, last use and rotation dates, MFA.',
  source: 'iam:GenerateCredentialReport, iam:GetCredentialReport',
  scope: 'global',
  schema: z.object({
    generatedAt: z.string(),
    users: z.array(
      z.object({
        user: z.string(),
        arn: z.string(),
        userCreationTime: z.string(),
        passwordEnabled: z.boolean(),
        passwordLastUsed: IsoDate,
        passwordLastChanged: IsoDate,
        mfaActive: z.boolean(),
        accessKey1Active: z.boolean(),
        accessKey1LastRotated: IsoDate,
        accessKey1LastUsedDate: IsoDate,
        accessKey2Active: z.boolean(),
        accessKey2LastRotated: IsoDate,
        accessKey2LastUsedDate: IsoDate,
      }),
    ),
  }),
});
export type CredentialReport = z.infer<typeof CredentialReportFact.schema>;
export type CredentialReportUser = CredentialReport['users'][number];

/** The account's IAM password policy; `policy: null` when none is set. */
export const PasswordPolicyFact = defineFact({
  type: 'Rampart::IAM::PasswordPolicy',
  description: 'The IAM account password policy, or null when the account has none (NoSuchEntity).',
  source: 'iam:GetAccountPasswordPolicy',
  scope: 'global',
  schema: z.object({
    policy: z
      .object({
        minimumPasswordLength: z.number().int().optional(),
        requireSymbols: z.boolean().optional(),
        requireNumbers: z.boolean().optional(),
        requireUppercaseCharacters: z.boolean().optional(),
        requireLowercaseCharacters: z.boolean().optional(),
        allowUsersToChangePassword: z.boolean().optional(),
        expirePasswords: z.boolean().optional(),
        maxPasswordAge: z.number().int().optional(),
        passwordReusePrevention: z.number().int().optional(),
        hardExpiry: z.boolean().optional(),
      })
      .nullable(),
  }),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicyFact.schema>;

/** IAM account summary counters and the root user's MFA devices. */
export const AccountSummaryFact = defineFact({
  type: 'Rampart::IAM::AccountSummary',
  description:
    "IAM account summary (root access keys present, root MFA enabled, counts) and whether the root user's MFA is a virtual device.",
  source: 'iam:GetAccountSummary, iam:ListVirtualMFADevices',
  scope: 'global',
  schema: z.object({
    accountMfaEnabled: z.boolean(),
    accountAccessKeysPresent: z.boolean(),
    accountSigningCertificatesPresent: z.boolean().default(false),
    /** True when the root user's MFA is a virtual device (so not hardware). Null when unknown. */
    rootVirtualMfa: z.boolean().nullable().default(null),
    users: z.number().int().optional(),
    roles: z.number().int().optional(),
    policies: z.number().int().optional(),
  }),
});
export type AccountSummary = z.infer<typeof AccountSummaryFact.schema>;

/** EBS encryption by default in one region. */
export const EbsEncryptionByDefaultFact = defineFact({
  type: 'Rampart::EC2::EbsEncryptionByDefault',
  description: 'Whether new EBS volumes in the region are encrypted by default, and with which KMS key.',
  source: 'ec2:GetEbsEncryptionByDefault, ec2:GetEbsDefaultKmsKeyId',
  scope: 'regional',
  schema: z.object({ enabled: z.boolean(), kmsKeyId: z.string().nullish() }),
});

const PublicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});

/** The account-level S3 Block Public Access settings (null when none are set). */
export const S3AccountPublicAccessBlockFact = defineFact({
  type: 'Rampart::S3::AccountPublicAccessBlock',
  description: 'The account-level S3 Block Public Access settings, or null when none are configured.',
  source: 's3control:GetPublicAccessBlock',
  scope: 'global',
  schema: z.object({ configuration: PublicAccessBlockSchema.nullable() }),
});

const ContactSchema = z
  .object({
    name: z.string(),
    title: z.string().nullish(),
    emailAddress: z.string(),
    phoneNumber: z.string().nullish(),
  })
  .nullable();

/** The account's alternate contacts (null where none is set). */
export const AlternateContactsFact = defineFact({
  type: 'Rampart::Account::AlternateContacts',
  description: 'The security, operations and billing alternate contacts of the account (null where unset).',
  source: 'account:GetAlternateContact',
  scope: 'global',
  schema: z.object({ security: ContactSchema, operations: ContactSchema, billing: ContactSchema }),
});

/** Every fact type the catalog knows, for validation of snapshot lines and for docs. */
export const FACT_TYPES: readonly FactType<unknown>[] = [
  AccountSummaryFact,
  AlternateContactsFact,
  CloudTrailTrailsFact,
  CredentialReportFact,
  EbsEncryptionByDefaultFact,
  GuardDutyStatusFact,
  PasswordPolicyFact,
  S3AccountPublicAccessBlockFact,
  SecurityHubStatusFact,
] as unknown as readonly FactType<unknown>[];

let byType: Map<string, FactType<unknown>> | undefined;

export function factType(type: string): FactType<unknown> | undefined {
  byType ??= new Map(FACT_TYPES.map((f) => [f.type, f]));
  return byType.get(type);
}
