/**
 * IAM permissions of the Lambda functions the baseline deploys, as data. Resource patterns use
 * `{partition}`, `{region}`, `{account}` and `{logGroup}` (the function's own log group ARN), filled in at
 * deploy time; `*` appears only for actions that support no resource-level permissions (see
 * ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS).
 */
export interface ActionGrant {
  sid: string;
  actions: readonly `${string}:${string}`[];
  resources: readonly string[];
}

/**
 * Actions that accept only `"Resource": "*"`: the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)
 * lists no resource type for them. Checked against the reference pages of AWS Config, IAM, Amazon EC2,
 * Amazon S3, GuardDuty, Security Hub and CloudTrail; Amazon EC2 Auto Scaling, Elastic Load Balancing and
 * CloudWatch Logs for the incident-response steps (the log-delivery and resource-policy actions are the ones
 * the Step Functions logging guide grants on `*`).
 */
export const ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS: readonly string[] = [
  'autoscaling:DescribeAutoScalingInstances',
  'cloudtrail:DescribeTrails',
  'cloudtrail:LookupEvents',
  'config:BatchGetResourceConfig',
  'config:DescribeConfigurationRecorderStatus',
  'config:DescribeConfigurationRecorders',
  'config:GetResourceConfigHistory',
  'config:ListDiscoveredResources',
  'config:PutEvaluations',
  'config:SelectResourceConfig',
  'ec2:DescribeFlowLogs',
  'ec2:DescribeInstances',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSnapshots',
  'ec2:DescribeVolumes',
  'ec2:DescribeVpcs',
  'ec2:GetEbsEncryptionByDefault',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTargetHealth',
  'guardduty:ListDetectors',
  'iam:GenerateCredentialReport',
  'iam:GetAccountPasswordPolicy',
  'iam:GetAccountSummary',
  'iam:GetCredentialReport',
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
  's3:GetAccountPublicAccessBlock',
  'securityhub:BatchImportFindings',
];

/**
 * What the AWS Config rules Lambda (apps/config-rules) may do: answer Config with PutEvaluations and read the
 * account-level facts and related resources that periodic controls need. apps/config-rules will export the
 * authoritative list in this shape; the baseline builds the function's role from whichever list it is given
 * (ConfigRules `permissions`), this one by default.
 */
export const CONFIG_RULES_LAMBDA_PERMISSIONS: readonly ActionGrant[] = [
  { sid: 'ReportEvaluations', actions: ['config:PutEvaluations'], resources: ['*'] },
  {
    sid: 'ReadConfigurationItems',
    actions: [
      'config:BatchGetResourceConfig',
      'config:GetResourceConfigHistory',
      'config:ListDiscoveredResources',
      'config:SelectResourceConfig',
    ],
    resources: ['*'],
  },
  {
    sid: 'ReadAccountFacts',
    actions: [
      'cloudtrail:DescribeTrails',
      'ec2:GetEbsEncryptionByDefault',
      'guardduty:ListDetectors',
      'iam:GenerateCredentialReport',
      'iam:GetAccountPasswordPolicy',
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      's3:GetAccountPublicAccessBlock',
    ],
    resources: ['*'],
  },
  {
    sid: 'ReadTrailStatus',
    actions: ['cloudtrail:GetEventSelectors', 'cloudtrail:GetTrailStatus'],
    resources: ['arn:{partition}:cloudtrail:*:{account}:trail/*'],
  },
  {
    sid: 'ReadDetectors',
    actions: ['guardduty:GetDetector'],
    resources: ['arn:{partition}:guardduty:*:{account}:detector/*'],
  },
  {
    sid: 'ReadSecurityHub',
    actions: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
    resources: ['arn:{partition}:securityhub:*:{account}:hub/default'],
  },
  {
    sid: 'ReadAlternateContacts',
    actions: ['account:GetAlternateContact'],
    resources: ['arn:{partition}:account::{account}:account'],
  },
  { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['{logGroup}:*'] },
];

/**
 * What the report generator (apps/report-generator) may do: read Rampart's Config rule results, import and
 * update Security Hub findings, and write reports to its bucket (`{bucket}`, encrypted with `{kmsKey}`).
 * apps/report-generator will export the authoritative list in this shape.
 */
export const REPORT_GENERATOR_LAMBDA_PERMISSIONS: readonly ActionGrant[] = [
  {
    sid: 'ReadRampartRuleResults',
    actions: [
      'config:DescribeComplianceByConfigRule',
      'config:DescribeConfigRules',
      'config:GetComplianceDetailsByConfigRule',
    ],
    resources: ['arn:{partition}:config:{region}:{account}:config-rule/*'],
  },
  {
    sid: 'ReadConfigurationItems',
    actions: ['config:BatchGetResourceConfig', 'config:SelectResourceConfig'],
    resources: ['*'],
  },
  { sid: 'ImportFindings', actions: ['securityhub:BatchImportFindings'], resources: ['*'] },
  {
    sid: 'UpdateFindings',
    actions: ['securityhub:BatchUpdateFindings', 'securityhub:GetFindings'],
    resources: ['arn:{partition}:securityhub:{region}:{account}:hub/default'],
  },
  { sid: 'WriteReports', actions: ['s3:PutObject'], resources: ['{bucket}/reports/*'] },
  { sid: 'EncryptReports', actions: ['kms:GenerateDataKey'], resources: ['{kmsKey}'] },
  { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['{logGroup}:*'] },
];

/** Fills resource placeholders; throws on a placeholder with no value so no pattern reaches IAM half-filled. */
export function fillResource(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{([a-zA-Z]+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {${key}} in IAM resource pattern ${pattern}`);
    return value;
  });
}
