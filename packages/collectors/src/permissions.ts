/**
 * The IAM permissions `rampart scan` needs, as data: the policy users attach is generated from it
 * (`rampart scan-policy`), and a unit test fails when the SDK calls in the collectors and the
 * Security Hub exporter drift from these lists.
 */

/** The actions of one IAM service prefix that Rampart calls, and what it reads with them. */
export interface ServicePermissions {
  /** The IAM service prefix (`s3`, `elasticloadbalancing`, `es`, ...). */
  readonly service: string;
  /** Full action names (`s3:GetBucketPolicy`), never wildcards. */
  readonly actions: readonly string[];
  readonly why: string;
}

/**
 * What every scan may call, in the account it reads (read-only). Which of them a scan calls depends on
 * the selected controls and on `--source`; with AWS Config recording, most resource reads go through
 * Config and the service's own calls are left out, but the account-level facts are always read directly.
 */
export const SCAN_PERMISSIONS: readonly ServicePermissions[] = [
  {
    service: 'access-analyzer',
    actions: ['access-analyzer:ListAnalyzers'],
    why: 'whether an IAM Access Analyzer analyzer exists in each region',
  },
  {
    service: 'account',
    actions: ['account:GetAlternateContact'],
    why: 'the security, billing and operations alternate contacts',
  },
  {
    service: 'acm',
    actions: ['acm:DescribeCertificate', 'acm:ListCertificates', 'acm:ListTagsForCertificate'],
    why: 'certificates (expiry, key algorithm) and their tags',
  },
  {
    service: 'apigateway',
    actions: ['apigateway:GET'],
    why: 'REST, HTTP and WebSocket APIs and their stages (API Gateway authorizes every read, v1 and v2, with the one action `apigateway:GET`)',
  },
  {
    service: 'autoscaling',
    actions: ['autoscaling:DescribeLaunchConfigurations'],
    why: 'launch configurations (public IP addresses, metadata options, volumes)',
  },
  {
    service: 'backup',
    actions: ['backup:ListBackupVaults', 'backup:ListRecoveryPointsByBackupVault'],
    why: 'backup vaults and their recovery points (encryption)',
  },
  {
    service: 'cloudfront',
    actions: ['cloudfront:GetDistribution', 'cloudfront:ListDistributions', 'cloudfront:ListTagsForResource'],
    why: 'distributions (TLS, logging, origins, WAF) and their tags',
  },
  {
    service: 'cloudtrail',
    actions: [
      'cloudtrail:DescribeTrails',
      'cloudtrail:GetEventSelectors',
      'cloudtrail:GetTrailStatus',
      'cloudtrail:ListTags',
    ],
    why: 'trails, whether they are logging, their event selectors and tags',
  },
  {
    service: 'cloudwatch',
    actions: ['cloudwatch:DescribeAlarms'],
    why: 'metric alarms and their actions',
  },
  {
    service: 'codebuild',
    actions: ['codebuild:BatchGetProjects', 'codebuild:ListProjects'],
    why: 'build projects (credentials in environment variables, logging, source)',
  },
  {
    service: 'config',
    actions: [
      'config:BatchGetResourceConfig',
      'config:DescribeConfigurationRecorderStatus',
      'config:DescribeConfigurationRecorders',
      'config:ListDiscoveredResources',
      'config:SelectResourceConfig',
    ],
    why: 'configuration items through AWS Config (an advanced query; ListDiscoveredResources and BatchGetResourceConfig where the query is unavailable), and the recorders (`--source auto` reads through Config where one is recording)',
  },
  {
    service: 'dms',
    actions: ['dms:DescribeReplicationInstances', 'dms:ListTagsForResource'],
    why: 'replication instances (public access) and their tags',
  },
  {
    service: 'dynamodb',
    actions: [
      'dynamodb:DescribeContinuousBackups',
      'dynamodb:DescribeTable',
      'dynamodb:ListTables',
      'dynamodb:ListTagsOfResource',
    ],
    why: 'tables, point-in-time recovery and tags',
  },
  {
    service: 'ec2',
    actions: [
      'ec2:DescribeAddresses',
      'ec2:DescribeFlowLogs',
      'ec2:DescribeInstances',
      'ec2:DescribeNetworkAcls',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeRegions',
      'ec2:DescribeRouteTables',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSnapshots',
      'ec2:DescribeSubnets',
      'ec2:DescribeVolumes',
      'ec2:DescribeVpcs',
      'ec2:GetEbsDefaultKmsKeyId',
      'ec2:GetEbsEncryptionByDefault',
    ],
    why: 'instances, security groups, network ACLs, route tables, subnets, VPCs and flow logs, network interfaces, Elastic IPs, volumes, public snapshots, EBS encryption by default; the enabled regions for `--all-regions`',
  },
  {
    service: 'ecr',
    actions: [
      'ecr:DescribeRepositories',
      'ecr:GetLifecyclePolicy',
      'ecr:GetRegistryScanningConfiguration',
      'ecr:ListTagsForResource',
    ],
    why: 'repositories (scanning, tag immutability, lifecycle policy), the registry scanning configuration, tags',
  },
  {
    service: 'ecs',
    actions: [
      'ecs:DescribeClusters',
      'ecs:DescribeServices',
      'ecs:DescribeTaskDefinition',
      'ecs:ListClusters',
      'ecs:ListServices',
      'ecs:ListTaskDefinitions',
    ],
    why: 'clusters, services and active task definitions',
  },
  {
    service: 'elasticbeanstalk',
    actions: [
      'elasticbeanstalk:DescribeConfigurationSettings',
      'elasticbeanstalk:DescribeEnvironments',
      'elasticbeanstalk:ListTagsForResource',
    ],
    why: 'environments, their configuration settings and tags',
  },
  {
    service: 'elasticfilesystem',
    actions: [
      'elasticfilesystem:DescribeAccessPoints',
      'elasticfilesystem:DescribeBackupPolicy',
      'elasticfilesystem:DescribeFileSystems',
      'elasticfilesystem:DescribeLifecycleConfiguration',
    ],
    why: 'file systems (encryption, backup policy, lifecycle) and access points',
  },
  {
    service: 'elasticloadbalancing',
    actions: [
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:DescribeLoadBalancerAttributes',
      'elasticloadbalancing:DescribeLoadBalancerPolicies',
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeTags',
    ],
    why: 'Classic, Application and Network Load Balancers, their attributes, listeners, TLS policies and tags',
  },
  {
    service: 'elasticmapreduce',
    actions: [
      'elasticmapreduce:DescribeCluster',
      'elasticmapreduce:DescribeSecurityConfiguration',
      'elasticmapreduce:ListClusters',
      'elasticmapreduce:ListInstances',
    ],
    why: 'active clusters, their security configurations and the public IP addresses of their master nodes',
  },
  {
    service: 'es',
    actions: ['es:DescribeDomains', 'es:DescribeElasticsearchDomains', 'es:ListDomainNames', 'es:ListTags'],
    why: 'OpenSearch and Elasticsearch domains (encryption, VPC, logging) and their tags',
  },
  {
    service: 'events',
    actions: ['events:ListRules', 'events:ListTargetsByRule'],
    why: 'EventBridge rules on the default bus and their targets (alerting on security events)',
  },
  {
    service: 'guardduty',
    actions: [
      'guardduty:GetAdministratorAccount',
      'guardduty:GetDetector',
      'guardduty:GetFindings',
      'guardduty:GetFindingsStatistics',
      'guardduty:ListDetectors',
      'guardduty:ListFindings',
    ],
    why: 'whether GuardDuty is enabled, its features and administrator, and a summary of its open findings',
  },
  {
    service: 'iam',
    actions: [
      'iam:GenerateCredentialReport',
      'iam:GetAccountAuthorizationDetails',
      'iam:GetAccountPasswordPolicy',
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'iam:GetPolicy',
      'iam:ListVirtualMFADevices',
    ],
    why: 'users, groups, roles and policies, the password policy, the account summary (root MFA and keys), virtual MFA devices, and the credential report (GenerateCredentialReport starts one when none is recent; it changes no configuration)',
  },
  {
    service: 'kinesis',
    actions: ['kinesis:DescribeStreamSummary', 'kinesis:ListStreams', 'kinesis:ListTagsForStream'],
    why: 'data streams (encryption) and their tags',
  },
  {
    service: 'kms',
    actions: [
      'kms:DescribeKey',
      'kms:GetKeyPolicy',
      'kms:GetKeyRotationStatus',
      'kms:ListKeys',
      'kms:ListResourceTags',
    ],
    why: 'keys, their rotation, key policies and tags (a key policy can deny these reads; the key is then reported unreadable)',
  },
  {
    service: 'lambda',
    actions: ['lambda:GetPolicy', 'lambda:ListFunctions', 'lambda:ListTags'],
    why: 'functions (runtime, VPC, public resource policy) and their tags',
  },
  {
    service: 'logs',
    actions: ['logs:DescribeLogGroups'],
    why: 'log groups (retention, encryption)',
  },
  {
    service: 'network-firewall',
    actions: [
      'network-firewall:DescribeFirewall',
      'network-firewall:DescribeFirewallPolicy',
      'network-firewall:DescribeLoggingConfiguration',
      'network-firewall:DescribeRuleGroup',
      'network-firewall:ListFirewallPolicies',
      'network-firewall:ListFirewalls',
      'network-firewall:ListRuleGroups',
    ],
    why: 'firewalls, firewall policies, rule groups and logging',
  },
  {
    service: 'organizations',
    actions: [
      'organizations:DescribeOrganization',
      'organizations:DescribeOrganizationalUnit',
      'organizations:DescribePolicy',
      'organizations:ListParents',
      'organizations:ListPoliciesForTarget',
      'organizations:ListRoots',
    ],
    why: "the organization, the account's organizational units and the service control policies that apply to it",
  },
  {
    service: 'rds',
    actions: [
      'rds:DescribeDBClusterParameterGroups',
      'rds:DescribeDBClusterParameters',
      'rds:DescribeDBClusterSnapshotAttributes',
      'rds:DescribeDBClusterSnapshots',
      'rds:DescribeDBClusters',
      'rds:DescribeDBInstances',
      'rds:DescribeDBParameterGroups',
      'rds:DescribeDBParameters',
      'rds:DescribeDBSnapshotAttributes',
      'rds:DescribeDBSnapshots',
    ],
    why: 'DB instances and clusters, their snapshots and who they are shared with, parameter groups (TLS enforcement)',
  },
  {
    service: 'redshift',
    actions: [
      'redshift:DescribeClusterParameterGroups',
      'redshift:DescribeClusterParameters',
      'redshift:DescribeClusters',
      'redshift:DescribeLoggingStatus',
    ],
    why: 'clusters, their audit logging and parameter groups (TLS enforcement)',
  },
  {
    service: 's3',
    actions: [
      's3:GetAccountPublicAccessBlock',
      's3:GetBucketAcl',
      's3:GetBucketLocation',
      's3:GetBucketLogging',
      's3:GetBucketPolicy',
      's3:GetBucketPublicAccessBlock',
      's3:GetBucketTagging',
      's3:GetBucketVersioning',
      's3:GetEncryptionConfiguration',
      's3:ListAllMyBuckets',
    ],
    why: "buckets (policy, ACL, public access block, default encryption, logging, versioning, tags) and the account's public access block (through S3 Control, authorized by `s3:` actions)",
  },
  {
    service: 'sagemaker',
    actions: [
      'sagemaker:DescribeEndpointConfig',
      'sagemaker:DescribeNotebookInstance',
      'sagemaker:ListEndpointConfigs',
      'sagemaker:ListNotebookInstances',
      'sagemaker:ListTags',
    ],
    why: 'notebook instances (root access, direct internet access, encryption) and endpoint configurations',
  },
  {
    service: 'secretsmanager',
    actions: ['secretsmanager:ListSecrets'],
    why: 'secrets (rotation, last rotated and last accessed dates); never their values',
  },
  {
    service: 'securityhub',
    actions: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
    why: 'whether Security Hub is enabled and which standards are',
  },
  {
    service: 'shield',
    actions: [
      'shield:DescribeDRTAccess',
      'shield:DescribeSubscription',
      'shield:GetSubscriptionState',
      'shield:ListProtections',
    ],
    why: 'the Shield Advanced subscription, Shield Response Team access and protected resources',
  },
  {
    service: 'sns',
    actions: ['sns:GetTopicAttributes', 'sns:ListSubscriptionsByTopic', 'sns:ListTagsForResource', 'sns:ListTopics'],
    why: 'topics (encryption, policy), their tags, and the subscriptions of alerting topics',
  },
  {
    service: 'ssm',
    actions: [
      'ssm:DescribeDocumentPermission',
      'ssm:DescribeInstanceInformation',
      'ssm:DescribeParameters',
      'ssm:ListComplianceItems',
      'ssm:ListDocuments',
      'ssm:ListResourceComplianceSummaries',
    ],
    why: 'managed instances, their patch and association compliance, parameters (types, never values) and documents shared publicly',
  },
  {
    service: 'sso',
    actions: ['sso:ListInstances'],
    why: 'whether IAM Identity Center is enabled',
  },
  {
    service: 'states',
    actions: ['states:ListStateMachines', 'states:ListTagsForResource'],
    why: 'Step Functions state machines and their tags (the response playbooks Rampart deploys)',
  },
  {
    service: 'wafv2',
    actions: [
      'wafv2:GetLoggingConfiguration',
      'wafv2:GetRuleGroup',
      'wafv2:GetWebACL',
      'wafv2:ListLoggingConfigurations',
      'wafv2:ListResourcesForWebACL',
      'wafv2:ListRuleGroups',
      'wafv2:ListWebACLs',
    ],
    why: 'web ACLs and rule groups, their logging, and which resources each web ACL protects',
  },
];

/** Added with `--aggregator`: the queries of the organization's configuration items, in the aggregator's region. */
export const AGGREGATOR_PERMISSIONS: readonly ServicePermissions[] = [
  {
    service: 'config',
    actions: ['config:SelectAggregateResourceConfig'],
    why: "the aggregator's configuration items, account by account and region by region",
  },
];

/** With `--role-arn`: what the identity that runs Rampart needs (on that role only). */
export const ASSUME_ROLE_PERMISSIONS: readonly ServicePermissions[] = [
  {
    service: 'sts',
    actions: ['sts:AssumeRole'],
    why: 'to assume the role the scan reads with',
  },
];

/** With `--export securityhub` (and `rampart export securityhub`): the exporter's calls. */
export const SECURITY_HUB_EXPORT_PERMISSIONS: readonly ServicePermissions[] = [
  {
    service: 'securityhub',
    actions: ['securityhub:BatchImportFindings', 'securityhub:GetFindings'],
    why: "import the findings, and read Rampart's active findings first to keep their history and archive those of resources that are gone",
  },
];

/**
 * Calls the scan makes that IAM does not authorize: AWS documents that `sts:GetCallerIdentity` needs no
 * permission and works even when a policy denies it. Listed so that every call is accounted for; no
 * policy needs them.
 */
export const PERMISSIONLESS_CALLS: readonly string[] = ['sts:GetCallerIdentity'];

export interface IamPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string;
}

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: IamPolicyStatement[];
}

export type ExportSink = 'securityhub';

export interface ScanPolicyOptions {
  /** The scan reads an organization through a Config aggregator (`--aggregator`). */
  aggregator?: boolean;
  /**
   * The scan assumes this role (`--role-arn`). The policy is then the one of the identity that runs
   * Rampart (assume the role, export); the role itself needs the policy printed without `roleArn`.
   */
  roleArn?: string;
  /** The scan exports its findings (`--export securityhub`), with the credentials Rampart runs with. */
  export?: ExportSink;
}

export class ScanPolicyOptionsError extends Error {
  override readonly name = 'ScanPolicyOptionsError';
}

/** The sorted, distinct actions of some permission groups. */
export function actionsOf(groups: readonly ServicePermissions[]): string[] {
  return [...new Set(groups.flatMap((g) => g.actions))].sort();
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * The least-privilege identity policy for a scan with these options. Read actions use `Resource: "*"`:
 * most of them (List and Describe calls) support no resource-level permissions, and the scan reads
 * every resource of the account anyway.
 */
export function scanPolicy(options: ScanPolicyOptions = {}): IamPolicyDocument {
  const statements: IamPolicyStatement[] = [];
  if (options.roleArn !== undefined) {
    if (!ROLE_ARN.test(options.roleArn)) {
      throw new ScanPolicyOptionsError(
        `roleArn must be an IAM role ARN (arn:aws:iam::123456789012:role/name), got "${options.roleArn}"`,
      );
    }
    if (options.aggregator === true) {
      // The aggregator is read with the role's credentials: its permission belongs in the role's policy.
      throw new ScanPolicyOptionsError(
        'with a role, the aggregator is read by the role: its policy is the one without the role ARN (and with the aggregator); the role ARN gives the policy of the identity that assumes it',
      );
    }
    if (options.export !== undefined) {
      // The findings are imported with the role's credentials too (Security Hub takes them only from
      // the account they are about): the export's permissions belong in the role's policy.
      throw new ScanPolicyOptionsError(
        'with a role, the findings are imported by the role: its policy is the one without the role ARN (and with the export); the role ARN gives the policy of the identity that assumes it',
      );
    }
    statements.push({
      Sid: 'RampartAssumeScanRole',
      Effect: 'Allow',
      Action: actionsOf(ASSUME_ROLE_PERMISSIONS),
      Resource: options.roleArn,
    });
  } else {
    statements.push({ Sid: 'RampartScanRead', Effect: 'Allow', Action: actionsOf(SCAN_PERMISSIONS), Resource: '*' });
    if (options.aggregator === true) {
      statements.push({
        Sid: 'RampartAggregatorRead',
        Effect: 'Allow',
        Action: actionsOf(AGGREGATOR_PERMISSIONS),
        Resource: '*',
      });
    }
  }
  if (options.export !== undefined) {
    if (options.export !== 'securityhub') {
      throw new ScanPolicyOptionsError(`export must be securityhub, got "${String(options.export)}"`);
    }
    statements.push({
      Sid: 'RampartSecurityHubExport',
      Effect: 'Allow',
      Action: actionsOf(SECURITY_HUB_EXPORT_PERMISSIONS),
      Resource: '*',
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The statements of {@link scanPolicy} with these options, each with the permission groups behind it. */
export function scanPolicyGroups(
  options: ScanPolicyOptions = {},
): { sid: string; groups: readonly ServicePermissions[] }[] {
  const bySid: Readonly<Record<string, readonly ServicePermissions[]>> = {
    RampartAssumeScanRole: ASSUME_ROLE_PERMISSIONS,
    RampartScanRead: SCAN_PERMISSIONS,
    RampartAggregatorRead: AGGREGATOR_PERMISSIONS,
    RampartSecurityHubExport: SECURITY_HUB_EXPORT_PERMISSIONS,
  };
  return scanPolicy(options).Statement.map((s) => ({ sid: s.Sid, groups: bySid[s.Sid]! }));
}
