/**
 * Preventive evidence: the catalog controls each component satisfies for what it deploys (its own
 * resources, or the account-level setting it enforces). A test checks every id against `catalog()`.
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

export const PREVENTIVE_EVIDENCE = {
  KmsKeys: ['cmk-backing-key-rotation-enabled', 'kms-cmk-not-scheduled-for-deletion'],
  WebAcl: [...LOG_GROUP_CONTROLS],
  ShieldAdvanced: [],
  NetworkFirewall: [
    'netfw-deletion-protection-enabled',
    'netfw-multi-az-enabled',
    'netfw-policy-default-action-fragment-packets',
    'netfw-policy-default-action-full-packets',
    'netfw-policy-rule-group-associated',
    'netfw-subnet-change-protection-enabled',
    ...LOG_GROUP_CONTROLS,
  ],
  GuardDuty: ['guardduty-enabled-centralized', ...S3_BUCKET_CONTROLS],
  SecurityHub: ['securityhub-enabled'],
  CloudTrail: [
    'multi-region-cloudtrail-enabled',
    'cloud-trail-encryption-enabled',
    'cloud-trail-log-file-validation-enabled',
    'cloud-trail-cloud-watch-logs-enabled',
    ...S3_BUCKET_CONTROLS,
    ...LOG_GROUP_CONTROLS,
  ],
  ConfigRecorder: [...S3_BUCKET_CONTROLS],
  AccountGuardrails: [
    'ec2-ebs-encryption-by-default',
    's3-account-level-public-access-blocks-periodic',
    'iam-password-policy',
  ],
  Alerting: ['sns-encrypted-kms'],
  ConfigRules: [...LOG_GROUP_CONTROLS],
  ReportGenerator: [...S3_BUCKET_CONTROLS, ...LOG_GROUP_CONTROLS],
} as const satisfies Record<string, readonly string[]>;

export type BaselineComponentName = keyof typeof PREVENTIVE_EVIDENCE | 'SecurityBaseline';

/** The control ids a component satisfies; SecurityBaseline satisfies the union of its parts. */
export function preventiveEvidence(component: BaselineComponentName): string[] {
  const ids =
    component === 'SecurityBaseline'
      ? Object.values(PREVENTIVE_EVIDENCE).flat()
      : (PREVENTIVE_EVIDENCE[component] as readonly string[]);
  return [...new Set(ids)].sort();
}
