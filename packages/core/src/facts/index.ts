import * as z from 'zod';
import { bestPractice } from '../wellarchitected/best-practices.js';
import { defineFact, type FactType } from './fact.js';
import { registerFactTypes } from './registry.js';

export { defineFact, type FactType, factResourceId } from './fact.js';

const FeatureStatusSchema = z.enum(['ENABLED', 'DISABLED']);

/** GuardDuty in one account and region. */
export const GuardDutyStatusFact = defineFact({
  type: 'Rampart::GuardDuty::Status',
  description:
    'GuardDuty detector of the region (status, finding frequency, protection-plan features) and its administrator account.',
  source: 'guardduty:ListDetectors, guardduty:GetDetector, guardduty:GetAdministratorAccount',
  scope: 'regional',
  schema: () =>
    z.object({
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
  schema: () =>
    z.object({
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
  schema: () =>
    z.object({
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
  schema: () =>
    z.object({
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
  schema: () =>
    z.object({
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
  schema: () =>
    z.object({
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
  schema: () => z.object({ enabled: z.boolean(), kmsKeyId: z.string().nullish() }),
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
  schema: () => z.object({ configuration: PublicAccessBlockSchema.nullable() }),
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
  schema: () => z.object({ security: ContactSchema, operations: ContactSchema, billing: ContactSchema }),
});

/** AWS Organizations membership of the account, and the service control policies that apply to it. */
export const OrganizationsAccountFact = defineFact({
  type: 'Rampart::Organizations::Account',
  description:
    'Whether the account is in an AWS organization (id, management account, feature set), its parents up to the root, and the SCPs attached to it and to each parent, with their documents.',
  source:
    'organizations:DescribeOrganization, organizations:ListParents, organizations:ListPoliciesForTarget, organizations:DescribePolicy, organizations:ListRoots',
  scope: 'global',
  schema: () =>
    z.object({
      member: z.boolean(),
      organizationId: z.string().nullish(),
      organizationArn: z.string().nullish(),
      managementAccountId: z.string().nullish(),
      featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING']).nullish(),
      /** Whether the SERVICE_CONTROL_POLICY policy type is enabled in the root; null when it could not be read. */
      serviceControlPoliciesEnabled: z.boolean().nullish(),
      /** The account's parents, nearest first, up to the root. */
      parents: z
        .array(z.object({ id: z.string(), type: z.enum(['ROOT', 'ORGANIZATIONAL_UNIT']), name: z.string().nullish() }))
        .default([]),
      /**
       * SCPs attached to the account or to one of its parents (`targetId`); null when they could not be
       * read (ListPoliciesForTarget needs the management account or a delegated administrator).
       */
      serviceControlPolicies: z
        .array(
          z.object({
            id: z.string(),
            name: z.string(),
            arn: z.string().nullish(),
            awsManaged: z.boolean().default(false),
            targetId: z.string(),
            /** The policy document, a JSON string as DescribePolicy returns it (or an object). */
            content: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
          }),
        )
        .nullable()
        .default(null),
    }),
});
export type OrganizationsAccount = z.infer<typeof OrganizationsAccountFact.schema>;

/** IAM Access Analyzer analyzers of one account and region. */
export const AccessAnalyzerAnalyzersFact = defineFact({
  type: 'Rampart::AccessAnalyzer::Analyzers',
  description:
    'The IAM Access Analyzer analyzers of the region with their type (ACCOUNT, ORGANIZATION, *_UNUSED_ACCESS, ...) and status.',
  source: 'access-analyzer:ListAnalyzers',
  scope: 'regional',
  schema: () =>
    z.object({
      analyzers: z.array(
        z.object({
          name: z.string(),
          arn: z.string(),
          type: z.string(),
          status: z.string(),
          createdAt: z.string().nullish(),
          statusReason: z.string().nullish(),
        }),
      ),
    }),
});
export type AccessAnalyzerAnalyzers = z.infer<typeof AccessAnalyzerAnalyzersFact.schema>;

/** AWS Config configuration recorders of one account and region, with their status. */
export const ConfigRecordersFact = defineFact({
  type: 'Rampart::Config::Recorders',
  description:
    'The AWS Config configuration recorders of the region: recording group (all supported types, global types, strategy, exclusions), role and recorder status (recording, last status).',
  source: 'config:DescribeConfigurationRecorders, config:DescribeConfigurationRecorderStatus',
  scope: 'regional',
  schema: () =>
    z.object({
      recorders: z.array(
        z.object({
          name: z.string(),
          roleArn: z.string().nullish(),
          /** Service-linked recorders (`servicePrincipal`) are created by other services for their own needs. */
          servicePrincipal: z.string().nullish(),
          recordingGroup: z
            .object({
              allSupported: z.boolean().default(false),
              includeGlobalResourceTypes: z.boolean().default(false),
              resourceTypes: z.array(z.string()).default([]),
              exclusionByResourceTypes: z.object({ resourceTypes: z.array(z.string()).default([]) }).nullish(),
              recordingStrategy: z
                .object({
                  useOnly: z.enum([
                    'ALL_SUPPORTED_RESOURCE_TYPES',
                    'INCLUSION_BY_RESOURCE_TYPES',
                    'EXCLUSION_BY_RESOURCE_TYPES',
                  ]),
                })
                .nullish(),
            })
            .nullish(),
          recordingMode: z.object({ recordingFrequency: z.enum(['CONTINUOUS', 'DAILY']) }).nullish(),
          status: z
            .object({
              recording: z.boolean(),
              lastStatus: z.enum(['Pending', 'Success', 'Failure', 'NotApplicable']).nullish(),
              lastStatusChangeTime: z.string().nullish(),
              lastErrorCode: z.string().nullish(),
              lastErrorMessage: z.string().nullish(),
            })
            .nullish(),
        }),
      ),
    }),
});
export type ConfigRecorders = z.infer<typeof ConfigRecordersFact.schema>;
export type ConfigRecorder = ConfigRecorders['recorders'][number];

/** EventBridge rules of the default event bus with their targets, and the subscriptions of the SNS topics they target. */
export const EventsAlertingRulesFact = defineFact({
  type: 'Rampart::Events::AlertingRules',
  description:
    'The EventBridge rules of the region (event pattern, state, targets) and the subscriptions of the SNS topics they target, to tell whether findings reach people.',
  source: 'events:ListRules, events:ListTargetsByRule, sns:ListSubscriptionsByTopic',
  scope: 'regional',
  schema: () =>
    z.object({
      rules: z.array(
        z.object({
          name: z.string(),
          arn: z.string(),
          eventBusName: z.string().default('default'),
          state: z.string(),
          /** The event pattern, a JSON string as ListRules returns it (or an object); null for scheduled rules. */
          eventPattern: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
          targets: z.array(z.object({ id: z.string(), arn: z.string() })).default([]),
        }),
      ),
      topics: z
        .array(
          z.object({
            topicArn: z.string(),
            /** `subscriptionArn` is "PendingConfirmation" until the endpoint confirms. */
            subscriptions: z
              .array(z.object({ subscriptionArn: z.string(), protocol: z.string(), endpoint: z.string().nullish() }))
              .default([]),
          }),
        )
        .default([]),
    }),
});
export type EventsAlertingRules = z.infer<typeof EventsAlertingRulesFact.schema>;

/** IAM Identity Center instances the account can see. */
export const SsoInstancesFact = defineFact({
  type: 'Rampart::SSO::Instances',
  description:
    'The IAM Identity Center instances visible to the account (organization instance in the management or delegated administrator account, account instances), with owner and status.',
  source: 'sso-admin:ListInstances',
  scope: 'global',
  schema: () =>
    z.object({
      instances: z.array(
        z.object({
          instanceArn: z.string(),
          identityStoreId: z.string().nullish(),
          ownerAccountId: z.string().nullish(),
          name: z.string().nullish(),
          status: z.string().default('ACTIVE'),
          region: z.string().nullish(),
        }),
      ),
    }),
});
export type SsoInstances = z.infer<typeof SsoInstancesFact.schema>;

/** EBS snapshots of the account that anyone can restore (createVolumePermission group "all"). */
export const EbsPublicSnapshotsFact = defineFact({
  type: 'Rampart::EC2::PublicSnapshots',
  description:
    'The ids of the EBS snapshots owned by the account in the region that are publicly restorable (createVolumePermission group "all").',
  source: 'ec2:DescribeSnapshots (OwnerIds=self, RestorableByUserIds=all)',
  scope: 'regional',
  schema: () => z.object({ snapshotIds: z.array(z.string()) }),
});
export type EbsPublicSnapshots = z.infer<typeof EbsPublicSnapshotsFact.schema>;

const GuardDutySeveritySchema = z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);

/** Non-archived GuardDuty findings of one account and region, per severity: how many, and the oldest. */
export const GuardDutyFindingsSummaryFact = defineFact({
  type: 'Rampart::GuardDuty::FindingsSummary',
  description:
    'Non-archived GuardDuty findings of the region per severity band (Low 1-3.9, Medium 4-6.9, High 7-8.9, Critical 9-10): count and creation time of the oldest.',
  source:
    'guardduty:GetFindingsStatistics (COUNT_BY_SEVERITY, service.archived = false), guardduty:ListFindings + GetFindings (oldest by createdAt per band)',
  scope: 'regional',
  schema: () =>
    z.object({
      detectorId: z.string().nullable(),
      severities: z
        .array(
          z.object({
            severity: GuardDutySeveritySchema,
            count: z.number().int().min(0),
            /** ISO 8601 `CreatedAt` of the oldest non-archived finding of the band; null when count is 0. */
            oldestCreatedAt: z.string().nullish(),
          }),
        )
        .default([]),
    }),
});
export type GuardDutyFindingsSummary = z.infer<typeof GuardDutyFindingsSummaryFact.schema>;

/** The registry-level image scanning configuration of Amazon ECR in one account and region. */
export const EcrRegistryScanningFact = defineFact({
  type: 'Rampart::ECR::RegistryScanning',
  description:
    'The ECR registry scanning configuration of the region: scan type (BASIC or ENHANCED) and the scanning rules with their frequency and repository filters.',
  source: 'ecr:GetRegistryScanningConfiguration',
  scope: 'regional',
  schema: () =>
    z.object({
      scanType: z.enum(['BASIC', 'ENHANCED']),
      rules: z
        .array(
          z.object({
            scanFrequency: z.enum(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN', 'MANUAL']),
            repositoryFilters: z
              .array(z.object({ filter: z.string(), filterType: z.string().default('WILDCARD') }))
              .default([]),
          }),
        )
        .default([]),
    }),
});
export type EcrRegistryScanning = z.infer<typeof EcrRegistryScanningFact.schema>;

/** Regional web ACLs (WAFv2 and WAF Classic regional) and the resources each one protects. */
export const WafWebAclAssociationsFact = defineFact({
  type: 'Rampart::WAF::WebACLAssociations',
  description:
    'The regional web ACLs of the region (WAFv2 and WAF Classic regional), each with the ARNs of the resources associated with it (load balancers, API stages, ...).',
  source:
    'wafv2:ListWebACLs (Scope REGIONAL), wafv2:ListResourcesForWebACL, waf-regional:ListWebACLs, waf-regional:ListResourcesForWebACL',
  scope: 'regional',
  schema: () =>
    z.object({
      webAcls: z.array(
        z.object({
          service: z.enum(['wafv2', 'waf-regional']),
          id: z.string(),
          name: z.string(),
          arn: z.string().nullish(),
          resourceArns: z.array(z.string()).default([]),
        }),
      ),
    }),
});
export type WafWebAclAssociations = z.infer<typeof WafWebAclAssociationsFact.schema>;

/** WAFv2 logging configurations of one region. */
export const Wafv2LoggingConfigurationsFact = defineFact({
  type: 'Rampart::WAFv2::LoggingConfigurations',
  description:
    'The WAFv2 logging configurations of the region (CLOUDFRONT scope too in us-east-1): web ACL ARN and log destinations.',
  source: 'wafv2:ListLoggingConfigurations',
  scope: 'regional',
  schema: () =>
    z.object({
      loggingConfigurations: z.array(
        z.object({
          resourceArn: z.string(),
          logDestinationConfigs: z.array(z.string()).default([]),
          managedByFirewallManager: z.boolean().nullish(),
        }),
      ),
    }),
});
export type Wafv2LoggingConfigurations = z.infer<typeof Wafv2LoggingConfigurationsFact.schema>;

/** Network Firewall logging configuration of every firewall in one region. */
export const NetworkFirewallLoggingFact = defineFact({
  type: 'Rampart::NetworkFirewall::LoggingConfigurations',
  description:
    'The logging configuration of every Network Firewall firewall of the region (log type, destination type and destination per entry; an empty list when the firewall does not log).',
  source: 'network-firewall:ListFirewalls, network-firewall:DescribeLoggingConfiguration',
  scope: 'regional',
  schema: () =>
    z.object({
      firewalls: z.array(
        z.object({
          firewallArn: z.string(),
          logDestinationConfigs: z
            .array(
              z.object({
                logType: z.string(),
                logDestinationType: z.string(),
                logDestination: z.record(z.string(), z.string()).default({}),
              }),
            )
            .default([]),
        }),
      ),
    }),
});
export type NetworkFirewallLogging = z.infer<typeof NetworkFirewallLoggingFact.schema>;

/** The account's Shield Advanced subscription, Shield Response Team access and protections. */
export const ShieldSubscriptionFact = defineFact({
  type: 'Rampart::Shield::Subscription',
  description:
    'Shield Advanced subscription state and auto-renew setting, the Shield Response Team (SRT) role and log buckets, and the protected resource ARNs (null when not read).',
  source:
    'shield:GetSubscriptionState, shield:DescribeSubscription, shield:DescribeDRTAccess, shield:ListProtections (us-east-1)',
  scope: 'global',
  schema: () =>
    z.object({
      subscriptionState: z.enum(['ACTIVE', 'INACTIVE']),
      /** DescribeSubscription; null without a subscription. */
      subscription: z
        .object({
          startTime: z.string().nullish(),
          endTime: z.string().nullish(),
          autoRenew: z.enum(['ENABLED', 'DISABLED']).nullish(),
          subscriptionArn: z.string().nullish(),
          proactiveEngagementStatus: z.string().nullish(),
        })
        .nullable()
        .default(null),
      /** DescribeDRTAccess: the role the SRT assumes and the log buckets it may read. */
      drtAccess: z
        .object({ roleArn: z.string().nullish(), logBucketList: z.array(z.string()).default([]) })
        .nullable()
        .default(null),
      /** ListProtections; null when it was not read. */
      protections: z
        .array(z.object({ id: z.string(), name: z.string().nullish(), resourceArn: z.string() }))
        .nullable()
        .default(null),
    }),
});
export type ShieldSubscription = z.infer<typeof ShieldSubscriptionFact.schema>;

/** Secrets Manager dates that AWS Config's `AWS::SecretsManager::Secret` item does not record. */
export const SecretsManagerSecretActivityFact = defineFact({
  type: 'Rampart::SecretsManager::SecretActivity',
  description:
    'Per secret of the region: ARN, name, and the CreatedDate, LastRotatedDate, LastChangedDate and LastAccessedDate that Secrets Manager reports (LastAccessedDate is rounded to the day).',
  source: 'secretsmanager:ListSecrets',
  scope: 'regional',
  schema: () =>
    z.object({
      secrets: z.array(
        z.object({
          arn: z.string(),
          name: z.string().nullish(),
          createdDate: z.string().nullish(),
          lastRotatedDate: z.string().nullish(),
          lastChangedDate: z.string().nullish(),
          lastAccessedDate: z.string().nullish(),
        }),
      ),
    }),
});
export type SecretsManagerSecretActivity = z.infer<typeof SecretsManagerSecretActivityFact.schema>;

/** Who each SSM document the account owns is shared with. */
export const SsmDocumentSharingFact = defineFact({
  type: 'Rampart::SSM::DocumentSharing',
  description:
    'The SSM documents the account owns in the region, each with the account ids it is shared with ("all" when it is public).',
  source: 'ssm:ListDocuments (Filters Owner=Self), ssm:DescribeDocumentPermission (PermissionType Share)',
  scope: 'regional',
  schema: () =>
    z.object({
      documents: z.array(
        z.object({
          name: z.string(),
          documentType: z.string().nullish(),
          accountIds: z.array(z.string()).default([]),
        }),
      ),
    }),
});
export type SsmDocumentSharing = z.infer<typeof SsmDocumentSharingFact.schema>;

/** Parameter Store parameters (metadata only: values are never read). */
export const SsmParametersFact = defineFact({
  type: 'Rampart::SSM::Parameters',
  description:
    'The Parameter Store parameters of the region: name, type (String, StringList, SecureString), the KMS key of SecureString parameters (alias/aws/ssm for the AWS managed key) and tier. Values are never read.',
  source: 'ssm:DescribeParameters',
  scope: 'regional',
  schema: () =>
    z.object({
      parameters: z.array(
        z.object({
          name: z.string(),
          type: z.enum(['String', 'StringList', 'SecureString']),
          keyId: z.string().nullish(),
          tier: z.string().nullish(),
        }),
      ),
    }),
});
export type SsmParameters = z.infer<typeof SsmParametersFact.schema>;

/** EMR clusters, which AWS Config does not record. */
export const EmrClustersFact = defineFact({
  type: 'Rampart::EMR::Clusters',
  description:
    'The active EMR clusters of the region (STARTING, BOOTSTRAPPING, RUNNING, WAITING): id, name, ARN, state, the security configuration and its Kerberos settings (AuthenticationConfiguration.KerberosConfiguration), and the public IP addresses of the primary (master) nodes.',
  source:
    'emr:ListClusters (active states), emr:DescribeCluster, emr:DescribeSecurityConfiguration, emr:ListInstances (MASTER instance group or fleet)',
  scope: 'regional',
  schema: () =>
    z.object({
      clusters: z.array(
        z.object({
          id: z.string(),
          name: z.string().nullish(),
          arn: z.string().nullish(),
          state: z.string(),
          securityConfiguration: z.string().nullish(),
          /** `AuthenticationConfiguration.KerberosConfiguration` of the security configuration, as EMR returns it. */
          kerberosConfiguration: z
            .object({
              Provider: z.string().nullish(),
              ClusterDedicatedKdcConfiguration: z
                .object({
                  TicketLifetimeInHours: z.number().nullish(),
                  CrossRealmTrustConfiguration: z
                    .object({
                      Realm: z.string().nullish(),
                      Domain: z.string().nullish(),
                      AdminServer: z.string().nullish(),
                      KdcServer: z.string().nullish(),
                    })
                    .nullish(),
                })
                .nullish(),
            })
            .nullish(),
          masterPublicIpAddresses: z.array(z.string()).default([]),
        }),
      ),
    }),
});
export type EmrClusters = z.infer<typeof EmrClustersFact.schema>;

/** Managed platform update settings of Elastic Beanstalk environments (not in AWS Config's item). */
export const ElasticBeanstalkManagedActionsFact = defineFact({
  type: 'Rampart::ElasticBeanstalk::ManagedActions',
  description:
    'Per Elastic Beanstalk environment of the region: option aws:elasticbeanstalk:managedactions ManagedActionsEnabled and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel (minor or patch).',
  source: 'elasticbeanstalk:DescribeEnvironments, elasticbeanstalk:DescribeConfigurationSettings',
  scope: 'regional',
  schema: () =>
    z.object({
      environments: z.array(
        z.object({
          environmentId: z.string(),
          environmentName: z.string(),
          managedActionsEnabled: z.boolean(),
          updateLevel: z.string().nullish(),
        }),
      ),
    }),
});
export type ElasticBeanstalkManagedActions = z.infer<typeof ElasticBeanstalkManagedActionsFact.schema>;

/** The TLS-enforcing parameters of RDS parameter groups (AWS Config records no parameter groups). */
export const RdsParameterGroupTlsFact = defineFact({
  type: 'Rampart::RDS::ParameterGroupTls',
  description:
    'The DB parameter groups (kind instance) and DB cluster parameter groups (kind cluster) of the region, with the effective values, engine defaults included, of the parameters that force TLS: rds.force_ssl and require_secure_transport.',
  source:
    'rds:DescribeDBParameterGroups, rds:DescribeDBParameters, rds:DescribeDBClusterParameterGroups, rds:DescribeDBClusterParameters',
  scope: 'regional',
  schema: () =>
    z.object({
      parameterGroups: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(['instance', 'cluster']),
          family: z.string().nullish(),
          parameters: z.record(z.string(), z.string().nullable()).default({}),
        }),
      ),
    }),
});
export type RdsParameterGroupTls = z.infer<typeof RdsParameterGroupTlsFact.schema>;

/** One attestation: a person answers for a best practice that only people can evidence. */
export const AttestationSchema = z.object({
  /** Well-Architected best practice id, 2024-06-27 numbering (`SEC01-BP07`). */
  bestPractice: z
    .string()
    .refine((id) => bestPractice(id) !== undefined, 'unknown Well-Architected best practice (2024-06-27 numbering)'),
  /** Who answers for it: a person, role or team, with a way to reach them. */
  owner: z.string().trim().min(1, 'must name an owner'),
  /** Where the evidence lives (document, ticket, report), an http(s) URL. */
  evidence: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** When it was last reviewed: an ISO 8601 date (`2026-03-01`) or date-time with offset. */
  date: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time',
  }),
  /** Days the attestation stays current; the control's `reviewPeriodDays` parameter when absent. */
  reviewPeriodDays: z.number().int().min(1).max(3660).optional(),
  note: z.string().optional(),
});
export type Attestation = z.infer<typeof AttestationSchema>;

/** The attestations that apply to one account (several per account, several per best practice allowed). */
export const AttestationFact = defineFact({
  type: 'Rampart::Attestation',
  description:
    'Attestations for best practices only people can evidence (threat model, training, game days, ...): best practice, owner, evidence URL, review date and period.',
  source: 'rampart evaluate --attestations FILE (docs/attestations.md); not read from AWS',
  scope: 'global',
  schema: () => z.object({ attestations: z.array(AttestationSchema) }),
});
export type Attestations = z.infer<typeof AttestationFact.schema>;

/** Every fact type the catalog knows, for validation of snapshot lines and for docs. */
export const FACT_TYPES: readonly FactType<unknown>[] = [
  AccessAnalyzerAnalyzersFact,
  AccountSummaryFact,
  AlternateContactsFact,
  AttestationFact,
  CloudTrailTrailsFact,
  ConfigRecordersFact,
  CredentialReportFact,
  EbsEncryptionByDefaultFact,
  EbsPublicSnapshotsFact,
  EcrRegistryScanningFact,
  ElasticBeanstalkManagedActionsFact,
  EmrClustersFact,
  EventsAlertingRulesFact,
  GuardDutyFindingsSummaryFact,
  GuardDutyStatusFact,
  NetworkFirewallLoggingFact,
  OrganizationsAccountFact,
  PasswordPolicyFact,
  RdsParameterGroupTlsFact,
  S3AccountPublicAccessBlockFact,
  SecretsManagerSecretActivityFact,
  SecurityHubStatusFact,
  ShieldSubscriptionFact,
  SsmDocumentSharingFact,
  SsmParametersFact,
  SsoInstancesFact,
  WafWebAclAssociationsFact,
  Wafv2LoggingConfigurationsFact,
] as unknown as readonly FactType<unknown>[];

let byType: Map<string, FactType<unknown>> | undefined;

export function factType(type: string): FactType<unknown> | undefined {
  byType ??= new Map(FACT_TYPES.map((f) => [f.type, f]));
  return byType.get(type);
}

registerFactTypes(factType);
