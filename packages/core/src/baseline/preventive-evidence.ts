/**
 * Preventive evidence: the catalog controls each `@rampart/pulumi-baseline` component satisfies for what it
 * deploys (its own resources, or the account-level setting it enforces). Plain data, so the catalog and the
 * CLI can show it without loading Pulumi; a test checks every id against `catalog()`.
 */
const S3_BUCKET_CONTROLS = [
  's3-bucket-level-public-access-prohibited',
  's3-bucket-public-read-prohibited',
  's3-bucket-public-write-prohibited',
  's3-bucket-server-side-encryption-enabled',
  's3-bucket-ssl-requests-only',
  's3-bucket-versioning-enabled',
  's3-default-encryption-kms',
] as const;

const LOG_GROUP_CONTROLS = ['cloudwatch-log-group-encrypted', 'cw-loggroup-retention-period-check'] as const;

/** Component name (the `Type` of its `rampart:<module>:<Type>` token) → the control ids it satisfies. */
export const BASELINE_COMPONENTS = {
  KmsKeys: ['cmk-backing-key-rotation-enabled', 'kms-cmk-not-scheduled-for-deletion'],
  WebAcl: ['wafv2-logging-enabled', 'wafv2-webacl-not-empty', ...LOG_GROUP_CONTROLS],
  // The subscription itself is opt-in (it costs money), so auto-renew is not claimed.
  ShieldAdvanced: ['shield-advanced-resources-protected', 'shield-drt-access'],
  NetworkFirewall: [
    'netfw-deletion-protection-enabled',
    'netfw-multi-az-enabled',
    'netfw-policy-default-action-fragment-packets',
    'netfw-policy-default-action-full-packets',
    'netfw-policy-rule-group-associated',
    'netfw-subnet-change-protection-enabled',
    ...LOG_GROUP_CONTROLS,
  ],
  GuardDuty: [
    'guardduty-eks-protection-audit-enabled',
    'guardduty-enabled-centralized',
    'guardduty-lambda-protection-enabled',
    'guardduty-malware-protection-enabled',
    'guardduty-rds-protection-enabled',
    'guardduty-runtime-monitoring-enabled',
    'guardduty-s3-protection-enabled',
    ...S3_BUCKET_CONTROLS,
  ],
  SecurityHub: ['securityhub-enabled'],
  CloudTrail: [
    'multi-region-cloudtrail-enabled',
    'cloud-trail-encryption-enabled',
    'cloud-trail-log-file-validation-enabled',
    'cloud-trail-cloud-watch-logs-enabled',
    'cloudtrail-s3-dataevents-enabled',
    'cloudtrail-security-trail-enabled',
    ...S3_BUCKET_CONTROLS,
    ...LOG_GROUP_CONTROLS,
  ],
  ConfigRecorder: ['config-enabled-all-resources', ...S3_BUCKET_CONTROLS],
  AccountGuardrails: [
    'ec2-ebs-encryption-by-default',
    's3-account-level-public-access-blocks-periodic',
    'iam-password-policy',
    'iam-external-access-analyzer-enabled',
  ],
  // GuardDuty and Security Hub findings to an encrypted topic (subscriptions are the user's to confirm).
  Alerting: ['security-findings-alerting-enabled', 'sns-encrypted-kms'],
  ConfigRules: [...LOG_GROUP_CONTROLS],
  ReportGenerator: [...S3_BUCKET_CONTROLS, ...LOG_GROUP_CONTROLS],
  // The isolation group needs `isolationVpcIds`, the responder role `responderPrincipalArns`.
  IncidentResponse: [
    'incident-response-playbooks-deployed',
    'incident-response-isolation-security-group',
    'incident-response-role-restricted',
    'sns-encrypted-kms',
    ...S3_BUCKET_CONTROLS,
    ...LOG_GROUP_CONTROLS,
  ],
} as const satisfies Record<string, readonly string[]>;

/** A baseline component, or `SecurityBaseline`, which composes them all. */
export type BaselineComponentName = keyof typeof BASELINE_COMPONENTS | 'SecurityBaseline';

/** The control ids a component satisfies, sorted; SecurityBaseline satisfies the union of its parts. */
export function preventiveEvidence(component: BaselineComponentName): string[] {
  const ids =
    component === 'SecurityBaseline'
      ? Object.values(BASELINE_COMPONENTS).flat()
      : (BASELINE_COMPONENTS[component] as readonly string[]);
  return [...new Set(ids)].sort();
}

/** The components that satisfy `controlId`, sorted; empty when none does. */
export function preventiveComponents(controlId: string): (keyof typeof BASELINE_COMPONENTS)[] {
  return (Object.keys(BASELINE_COMPONENTS) as (keyof typeof BASELINE_COMPONENTS)[])
    .filter((c) => (BASELINE_COMPONENTS[c] as readonly string[]).includes(controlId))
    .sort();
}
