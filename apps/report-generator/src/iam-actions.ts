/**
 * The IAM actions the report generator's code needs, sorted; never `*` or `service:*`. Derived from the SDK
 * commands it sends (tests/unit/iam-actions.test.ts checks the list against them), plus what S3 asks of KMS on
 * its behalf. The Pulumi baseline builds the function's role from this list (and adds the Lambda runtime's
 * own log writes).
 */
export const REPORT_GENERATOR_IAM_ACTIONS: readonly string[] = [
  // src/config-results.ts: the Rampart rules and their results, in this account or through an aggregator.
  'config:DescribeAggregateComplianceByConfigRules',
  'config:DescribeConfigRules',
  'config:GetAggregateComplianceDetailsByConfigRule',
  'config:GetComplianceDetailsByConfigRule',
  // PutObject with SSE-KMS: S3 asks KMS for a data key with the caller's permissions.
  'kms:GenerateDataKey',
  // src/run.ts: the HTML and JSON reports.
  's3:PutObject',
  // @rampart/findings exportToSecurityHub: import new findings, read existing ones to archive or keep CreatedAt.
  'securityhub:BatchImportFindings',
  'securityhub:GetFindings',
];

/** Actions no SDK command of the function names: S3 calls KMS for SSE-KMS writes with the caller's permissions. */
export const IMPLICIT_IAM_ACTIONS: readonly string[] = ['kms:GenerateDataKey'];
