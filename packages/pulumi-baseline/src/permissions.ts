/**
 * IAM permissions of the Lambda functions the baseline deploys, as data. Resource patterns use
 * `{partition}`, `{region}`, `{account}` and `{logGroup}` (the function's own log group ARN), filled in at
 * deploy time; `*` appears only for actions that support no resource-level permissions (see
 * ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS).
 */
import { CONFIG_RULES_IAM_ACTIONS, iamActionsFor } from '@rampart/config-rules';
import type { Control } from '@rampart/core';
import { REPORT_GENERATOR_IAM_ACTIONS } from '@rampart/report-generator';

export interface ActionGrant {
  sid: string;
  actions: readonly `${string}:${string}`[];
  resources: readonly string[];
}

/**
 * Actions that accept only `"Resource": "*"`, each with where that is stated: the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html,
 * "SAR" below) lists no resource type for them. Account-scoped List and Describe calls, account settings and
 * calls that act on the caller itself.
 */
const NO_RESOURCE_LEVEL: Readonly<Record<string, string>> = {
  'access-analyzer:ListAnalyzers': 'SAR IAM Access Analyzer: List, no resource type',
  'autoscaling:DescribeAutoScalingInstances': 'SAR Amazon EC2 Auto Scaling: Describe* take no resource type',
  'cloudtrail:DescribeTrails': 'SAR AWS CloudTrail: no resource type',
  'cloudtrail:LookupEvents': 'SAR AWS CloudTrail: no resource type',
  'config:BatchGetResourceConfig': 'SAR AWS Config: no resource type',
  'config:DescribeConfigurationRecorderStatus': 'SAR AWS Config: account-level recorder status',
  'config:DescribeConfigurationRecorders': 'SAR AWS Config: account-level recorders',
  'config:GetResourceConfigHistory': 'SAR AWS Config: no resource type',
  'config:ListDiscoveredResources': 'SAR AWS Config: no resource type',
  'config:PutEvaluations': 'SAR AWS Config: no resource type (results name the rule by its token, not an ARN)',
  'config:SelectResourceConfig': 'SAR AWS Config: no resource type',
  'ec2:DescribeFlowLogs': 'SAR Amazon EC2: Describe* take no resource type',
  'ec2:DescribeInstances': 'SAR Amazon EC2: Describe* take no resource type',
  'ec2:DescribeSecurityGroups': 'SAR Amazon EC2: Describe* take no resource type',
  'ec2:DescribeSnapshots': 'SAR Amazon EC2: Describe* take no resource type',
  'ec2:DescribeVolumes': 'SAR Amazon EC2: Describe* take no resource type',
  'ec2:DescribeVpcs': 'SAR Amazon EC2: Describe* take no resource type',
  'ec2:GetEbsDefaultKmsKeyId': 'SAR Amazon EC2: account setting, no resource type',
  'ec2:GetEbsEncryptionByDefault': 'SAR Amazon EC2: account setting, no resource type',
  'ecr:GetRegistryScanningConfiguration': 'SAR Amazon ECR: registry-level setting, no resource type',
  'elasticloadbalancing:DescribeTargetGroups': 'SAR Elastic Load Balancing V2: Describe* take no resource type',
  'elasticloadbalancing:DescribeTargetHealth': 'SAR Elastic Load Balancing V2: Describe* take no resource type',
  'elasticmapreduce:DescribeSecurityConfiguration': 'SAR Amazon EMR: no resource type',
  'elasticmapreduce:ListClusters': 'SAR Amazon EMR: List, no resource type',
  'guardduty:ListDetectors': 'SAR Amazon GuardDuty: List, no resource type',
  'iam:GenerateCredentialReport': 'SAR IAM: account-level report, no resource type',
  'iam:GetAccountAuthorizationDetails': 'SAR IAM: account-level, no resource type',
  'iam:GetAccountPasswordPolicy': 'SAR IAM: account setting, no resource type',
  'iam:GetAccountSummary': 'SAR IAM: account-level, no resource type',
  'iam:GetCredentialReport': 'SAR IAM: account-level report, no resource type',
  'iam:ListVirtualMFADevices': 'SAR IAM: List, no resource type',
  'logs:CreateLogDelivery': 'Step Functions logging guide grants the log-delivery actions on *',
  'logs:DeleteLogDelivery': 'Step Functions logging guide grants the log-delivery actions on *',
  'logs:DescribeLogGroups': 'SAR CloudWatch Logs: account-wide listing',
  'logs:DescribeResourcePolicies': 'SAR CloudWatch Logs: account-level resource policies, no resource type',
  'logs:GetLogDelivery': 'Step Functions logging guide grants the log-delivery actions on *',
  'logs:ListLogDeliveries': 'Step Functions logging guide grants the log-delivery actions on *',
  'logs:PutResourcePolicy': 'SAR CloudWatch Logs: account-level resource policies, no resource type',
  'logs:UpdateLogDelivery': 'Step Functions logging guide grants the log-delivery actions on *',
  'network-firewall:ListFirewalls': 'SAR AWS Network Firewall: List, no resource type',
  'organizations:DescribeOrganization': 'SAR AWS Organizations: no resource type',
  'organizations:ListRoots': 'SAR AWS Organizations: List, no resource type',
  's3:GetAccountPublicAccessBlock': 'SAR Amazon S3: account setting, no resource type',
  'secretsmanager:ListSecrets': 'SAR AWS Secrets Manager: List, no resource type',
  'securityhub:BatchImportFindings': 'SAR AWS Security Hub: no resource type (findings name the product ARN)',
  'shield:DescribeDRTAccess': 'SAR AWS Shield: account-level, no resource type',
  'shield:DescribeSubscription': 'SAR AWS Shield: account-level subscription, no resource type',
  'shield:GetSubscriptionState': 'SAR AWS Shield: account-level subscription, no resource type',
  'shield:ListProtections': 'SAR AWS Shield: List, no resource type',
  'ssm:DescribeParameters': 'SAR AWS Systems Manager: account-wide listing, no resource type',
  'ssm:ListDocuments': 'SAR AWS Systems Manager: List, no resource type',
  'sso:ListInstances': 'SAR IAM Identity Center: List, no resource type',
  'sts:GetCallerIdentity': 'SAR AWS STS: acts on the caller, no resource type (never denied)',
  'waf-regional:ListWebACLs': 'SAR AWS WAF Regional: List, no resource type',
  'wafv2:ListLoggingConfigurations': 'SAR AWS WAF V2: List, no resource type',
  'wafv2:ListWebACLs': 'SAR AWS WAF V2: List, no resource type',
};

/** The actions granted on `"Resource": "*"` only (sorted); every one has its source in NO_RESOURCE_LEVEL. */
export const ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS: readonly string[] = Object.keys(NO_RESOURCE_LEVEL).sort();

/**
 * Resources of the actions that support resource-level permissions, scoped to this account where the ARN names
 * it. Regions are `*`: the rules and the exporter read every region they evaluate. Organizations ARNs name the
 * management account (unknown here), so they scope by resource type only; sts:AssumeRole targets the execution
 * role named by a rule's ExecutionRoleName in the evaluated (possibly other) account.
 */
const RESOURCE_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'account:GetAlternateContact': ['arn:{partition}:account::{account}:account'],
  'cloudtrail:GetEventSelectors': ['arn:{partition}:cloudtrail:*:{account}:trail/*'],
  'cloudtrail:GetTrailStatus': ['arn:{partition}:cloudtrail:*:{account}:trail/*'],
  // Rule ARNs end in the rule id (config-rule/config-rule-ab12cd), not its name: no rampart-* pattern is possible.
  'config:DescribeConfigRules': ['arn:{partition}:config:*:{account}:config-rule/*'],
  'config:GetComplianceDetailsByConfigRule': ['arn:{partition}:config:*:{account}:config-rule/*'],
  'config:DescribeAggregateComplianceByConfigRules': ['arn:{partition}:config:*:{account}:config-aggregator/*'],
  'config:GetAggregateComplianceDetailsByConfigRule': ['arn:{partition}:config:*:{account}:config-aggregator/*'],
  'elasticbeanstalk:DescribeConfigurationSettings': [
    'arn:{partition}:elasticbeanstalk:*:{account}:application/*',
    'arn:{partition}:elasticbeanstalk:*:{account}:configurationtemplate/*/*',
    'arn:{partition}:elasticbeanstalk:*:{account}:environment/*/*',
  ],
  'elasticbeanstalk:DescribeEnvironments': [
    'arn:{partition}:elasticbeanstalk:*:{account}:application/*',
    'arn:{partition}:elasticbeanstalk:*:{account}:environment/*/*',
  ],
  'elasticmapreduce:DescribeCluster': ['arn:{partition}:elasticmapreduce:*:{account}:cluster/*'],
  'elasticmapreduce:ListInstances': ['arn:{partition}:elasticmapreduce:*:{account}:cluster/*'],
  'events:ListRules': ['arn:{partition}:events:*:{account}:rule/*'],
  'events:ListTargetsByRule': ['arn:{partition}:events:*:{account}:rule/*'],
  'guardduty:GetAdministratorAccount': ['arn:{partition}:guardduty:*:{account}:detector/*'],
  'guardduty:GetDetector': ['arn:{partition}:guardduty:*:{account}:detector/*'],
  'guardduty:GetFindings': ['arn:{partition}:guardduty:*:{account}:detector/*'],
  'guardduty:GetFindingsStatistics': ['arn:{partition}:guardduty:*:{account}:detector/*'],
  'guardduty:ListFindings': ['arn:{partition}:guardduty:*:{account}:detector/*'],
  // Customer managed policies and AWS managed ones (account "aws").
  'iam:GetPolicy': ['arn:{partition}:iam::{account}:policy/*', 'arn:{partition}:iam::aws:policy/*'],
  'network-firewall:DescribeLoggingConfiguration': ['arn:{partition}:network-firewall:*:{account}:firewall/*'],
  'organizations:DescribePolicy': ['arn:{partition}:organizations::*:policy/*'],
  'organizations:ListParents': [
    'arn:{partition}:organizations::*:account/o-*/*',
    'arn:{partition}:organizations::*:ou/o-*/ou-*',
  ],
  'organizations:ListPoliciesForTarget': [
    'arn:{partition}:organizations::*:account/o-*/*',
    'arn:{partition}:organizations::*:ou/o-*/ou-*',
    'arn:{partition}:organizations::*:root/o-*/r-*',
  ],
  'rds:DescribeDBClusterParameterGroups': ['arn:{partition}:rds:*:{account}:cluster-pg:*'],
  'rds:DescribeDBClusterParameters': ['arn:{partition}:rds:*:{account}:cluster-pg:*'],
  'rds:DescribeDBParameterGroups': ['arn:{partition}:rds:*:{account}:pg:*'],
  'rds:DescribeDBParameters': ['arn:{partition}:rds:*:{account}:pg:*'],
  'securityhub:DescribeHub': ['arn:{partition}:securityhub:*:{account}:hub/default'],
  'securityhub:GetEnabledStandards': ['arn:{partition}:securityhub:*:{account}:hub/default'],
  'securityhub:GetFindings': ['arn:{partition}:securityhub:*:{account}:hub/default'],
  'sns:ListSubscriptionsByTopic': ['arn:{partition}:sns:*:{account}:*'],
  'ssm:DescribeDocumentPermission': ['arn:{partition}:ssm:*:{account}:document/*'],
  'sts:AssumeRole': ['arn:{partition}:iam::*:role/*'],
  'waf-regional:ListResourcesForWebACL': ['arn:{partition}:waf-regional:*:{account}:webacl/*'],
  'wafv2:ListResourcesForWebACL': ['arn:{partition}:wafv2:*:{account}:regional/webacl/*/*'],
};

/**
 * IAM service prefixes where an app's action list uses the SDK client's name instead: Amazon EMR's actions are
 * `elasticmapreduce:*` (SAR "Amazon Elastic MapReduce", service prefix elasticmapreduce), not `emr:*`.
 */
const IAM_PREFIX_FIXES: Readonly<Record<string, string>> = { emr: 'elasticmapreduce' };

/** The IAM name of an action as an app lists it (`emr:ListClusters` → `elasticmapreduce:ListClusters`). */
export function iamActionName(action: string): string {
  const [service, name] = action.split(':') as [string, string];
  return `${IAM_PREFIX_FIXES[service] ?? service}:${name}`;
}

const sidPart = (service: string) =>
  service
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * A role's statements for an action list, one or two per service: `<Service>` for the actions with
 * resource-level permissions (on their account-scoped ARNs, or `extra` resources for the caller's own
 * resources) and `<Service>AllResources` for those on ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS. Throws on an
 * action it has no scope for, so a new action in an app's list cannot reach IAM unscoped or on `*`.
 */
export function grantsFor(
  actions: readonly string[],
  extra: Readonly<Record<string, readonly string[]>> = {},
): ActionGrant[] {
  const byService = new Map<string, { scoped: Set<string>; resources: Set<string>; all: Set<string> }>();
  const unknown: string[] = [];
  for (const listed of actions) {
    const action = iamActionName(listed);
    const service = action.split(':')[0]!;
    const group = byService.get(service) ?? { scoped: new Set(), resources: new Set(), all: new Set() };
    byService.set(service, group);
    const scope = extra[action] ?? RESOURCE_SCOPES[action];
    if (scope !== undefined) {
      group.scoped.add(action);
      for (const r of scope) group.resources.add(r);
    } else if (NO_RESOURCE_LEVEL[action] !== undefined) {
      group.all.add(action);
    } else {
      unknown.push(action);
    }
  }
  if (unknown.length > 0) {
    throw new Error(
      `No resource scope for ${unknown.join(', ')}: add it to RESOURCE_SCOPES or, with its source, to NO_RESOURCE_LEVEL in permissions.ts`,
    );
  }
  const grants: ActionGrant[] = [];
  for (const service of [...byService.keys()].sort()) {
    const group = byService.get(service)!;
    const sid = sidPart(service);
    if (group.scoped.size > 0) {
      grants.push({
        sid,
        actions: [...group.scoped].sort() as `${string}:${string}`[],
        resources: [...group.resources].sort(),
      });
    }
    if (group.all.size > 0) {
      grants.push({
        sid: `${sid}AllResources`,
        actions: [...group.all].sort() as `${string}:${string}`[],
        resources: ['*'],
      });
    }
  }
  return grants;
}

/** The Lambda runtime's writes to the function's own log group (no SDK call of the app's code). */
export const WRITE_OWN_LOGS: ActionGrant = {
  sid: 'WriteOwnLogs',
  actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  resources: ['{logGroup}:*'],
};

/** The AWS Config rules Lambda's permissions for these controls' rules: apps/config-rules' iamActionsFor. */
export function configRulesPermissions(controls: readonly Control<unknown>[]): ActionGrant[] {
  return [...grantsFor(iamActionsFor(controls)), WRITE_OWN_LOGS];
}

/**
 * What the AWS Config rules Lambda (apps/config-rules) may do for the whole catalog: the actions it exports
 * (CONFIG_RULES_IAM_ACTIONS), scoped by grantsFor. ConfigRules grants the selected controls' subset.
 */
export const CONFIG_RULES_LAMBDA_PERMISSIONS: readonly ActionGrant[] = [
  ...grantsFor(CONFIG_RULES_IAM_ACTIONS),
  WRITE_OWN_LOGS,
];

/**
 * What the report generator (apps/report-generator) may do: the actions it exports (REPORT_GENERATOR_IAM_ACTIONS),
 * with its reports written under `{bucket}/reports/` and encrypted with `{kmsKey}`.
 */
export const REPORT_GENERATOR_LAMBDA_PERMISSIONS: readonly ActionGrant[] = [
  ...grantsFor(REPORT_GENERATOR_IAM_ACTIONS, {
    's3:PutObject': ['{bucket}/reports/*'],
    'kms:GenerateDataKey': ['{kmsKey}'],
  }),
  WRITE_OWN_LOGS,
];

/** Fills resource placeholders; throws on a placeholder with no value so no pattern reaches IAM half-filled. */
export function fillResource(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{([a-zA-Z]+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {${key}} in IAM resource pattern ${pattern}`);
    return value;
  });
}
