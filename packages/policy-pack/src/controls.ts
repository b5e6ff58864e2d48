import { type Control, catalog } from '@rampart/core';
import { FACT_ADAPTERS, RESOURCE_ADAPTERS } from './adapters/index.js';

/**
 * The controls enforced at preview: each reads only items and facts the adapters build, and each has a
 * parity test (same verdict from Pulumi inputs and from the real configuration item). An explicit list,
 * so that a control added to the catalog for an adapted type is not enforced before its fields are
 * adapted and tested; the catalog test fails until it is listed here or in {@link NOT_AT_PREVIEW}.
 */
export const PREVIEW_CONTROL_IDS: readonly string[] = [
  // S3 buckets (assembled from the bucket and its satellite resources)
  's3-bucket-level-public-access-prohibited',
  's3-bucket-logging-enabled',
  's3-bucket-public-read-prohibited',
  's3-bucket-public-write-prohibited',
  's3-bucket-server-side-encryption-enabled',
  's3-bucket-ssl-requests-only',
  's3-bucket-versioning-enabled',
  's3-default-encryption-kms',
  // Security groups
  'restricted-common-ports',
  'restricted-ssh',
  'vpc-default-security-group-closed',
  'vpc-sg-open-only-to-authorized-ports',
  // EBS, RDS
  'encrypted-volumes',
  'rds-instance-public-access-check',
  'rds-storage-encrypted',
  // KMS
  'cmk-backing-key-rotation-enabled',
  'kms-cmk-not-scheduled-for-deletion',
  'kms-key-policy-no-broad-full-access',
  'kms-key-policy-no-public-access',
  // CloudTrail (per trail, and the account-level controls over the stack's trails)
  'cloud-trail-cloud-watch-logs-enabled',
  'cloud-trail-encryption-enabled',
  'cloud-trail-log-file-validation-enabled',
  'multi-region-cloudtrail-enabled',
  // SNS
  'sns-encrypted-kms',
  // IAM
  'iam-customer-policy-blocked-kms-actions',
  'iam-no-inline-policy-check',
  'iam-policy-no-statements-with-admin-access',
  'iam-policy-no-statements-with-full-access',
  // Lambda
  'lambda-function-public-access-prohibited',
  'lambda-inside-vpc',
  // WAFv2
  'wafv2-logging-enabled',
  'wafv2-webacl-not-empty',
  // GuardDuty (account level, from the stack's detector and its features)
  'guardduty-eks-protection-audit-enabled',
  'guardduty-enabled-centralized',
  'guardduty-lambda-protection-enabled',
  'guardduty-malware-protection-enabled',
  'guardduty-rds-protection-enabled',
  'guardduty-runtime-monitoring-enabled',
  'guardduty-s3-protection-enabled',
];

/** Controls on adapted types that are not enforced at preview, and why. */
export const NOT_AT_PREVIEW: Readonly<Record<string, string>> = {
  'ec2-volume-inuse-check':
    'Attachments are separate resources (aws.ec2.VolumeAttachment) often made by other stacks; an unattached new volume is not a finding before apply.',
  'ec2-security-group-attached-to-eni-periodic':
    'Network interfaces are created by the services that use the group (load balancers, Lambda, RDS), not declared in the program.',
  'iam-delegated-admin-role-permissions-boundary':
    'Reads the documents of every attached managed policy, AWS managed ones included, which a program does not declare.',
  'iam-no-user-credentials-with-identity-center': 'Needs the IAM Identity Center and credential-report facts.',
  'incident-response-role-restricted':
    'Judges the deployed incident-response role against the account; evaluated after deploy.',
  'cloudtrail-security-trail-enabled':
    'Not enforced yet: the trails fact built from inputs has parity tests for multi-region-cloudtrail-enabled only.',
  'cloudtrail-s3-dataevents-enabled':
    'Not enforced yet: the trails fact built from inputs has parity tests for multi-region-cloudtrail-enabled only.',
  'guardduty-non-archived-findings': 'Findings exist only after deploy.',
  'datastore-data-classification-tagged':
    'Not enforced yet: new in the catalog; the adapters carry tags, but the control has no parity test here.',
  'datastore-encryption-in-transit-enforced': 'Reads DB parameter groups (rds.force_ssl), which no adapter builds yet.',
  'incident-response-isolation-security-group':
    'Looks for the isolation group the responder deploys anywhere in the account, not in one program.',
  's3-account-level-public-access-blocks-periodic':
    'Not enforced yet: the account-level fact is built from aws.s3.AccountPublicAccessBlock for the bucket controls, but this account control has no parity test.',
  'rds-automatic-minor-version-upgrade-enabled':
    'Not adapted yet: the RDS adapter does not carry autoMinorVersionUpgrade.',
  'rds-logging-enabled': 'Not adapted yet: the RDS adapter does not carry the log exports.',
};

/** The catalog's controls enforced at preview, sorted by id. */
export function previewControls(): Control<unknown>[] {
  return catalog().select([...PREVIEW_CONTROL_IDS]);
}

/** Resource types (Config item types and facts) the adapters produce. */
export function adaptedResourceTypes(): Set<string> {
  return new Set([...RESOURCE_ADAPTERS.map((a) => a.resourceType), ...FACT_ADAPTERS.map((a) => a.factType)]);
}
