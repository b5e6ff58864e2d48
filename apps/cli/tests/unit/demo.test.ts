import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../src/commands/demo.js';
import { runIn } from './cli-io.js';

type Short = 'C' | 'NC' | 'NA' | 'ID' | 'E';
const SHORT: Record<string, Short> = {
  COMPLIANT: 'C',
  NON_COMPLIANT: 'NC',
  NOT_APPLICABLE: 'NA',
  INSUFFICIENT_DATA: 'ID',
  ERROR: 'E',
};

/**
 * The demo's verdicts per control (C compliant, NC non-compliant, NA not applicable). The demo
 * snapshot has a fixed capturedAt, so these never drift; a change here is a change of behaviour.
 * Regenerate with `node examples/generate-demo.mjs` only when the demo itself changes.
 */
const EXPECTED: Record<string, Partial<Record<Short, number>>> = {
  'access-keys-rotated': { C: 4, NC: 2 },
  'account-part-of-organizations': { C: 1 },
  'acm-certificate-expiration-check': { C: 1, NC: 1, NA: 1 },
  'alb-http-drop-invalid-header-enabled': { C: 1, NC: 1 },
  'alb-http-to-https-redirection-check': { C: 1, NC: 1 },
  'alb-waf-enabled': { C: 1, NC: 1 },
  'api-gw-associated-with-waf': { C: 2, NC: 1 },
  'api-gw-cache-enabled-and-encrypted': { C: 1, NC: 2 },
  'api-gw-execution-logging-enabled': { C: 3, NC: 1 },
  'api-gw-ssl-enabled': { C: 1, NC: 2 },
  'attestation-access-requirements': { NC: 1 },
  'attestation-appsec-training': { NC: 1 },
  'attestation-code-review': { C: 1 },
  'attestation-control-objectives': { NC: 1 },
  'attestation-data-classification-scheme': { NC: 1 },
  'attestation-data-discovery': { NC: 1 },
  'attestation-data-protection-by-sensitivity': { NC: 1 },
  'attestation-emergency-access': { NC: 1 },
  'attestation-forensic-capabilities': { NC: 1 },
  'attestation-incident-lessons-learned': { NC: 1 },
  'attestation-incident-response-plan': { C: 1 },
  'attestation-incident-simulations': { NC: 1 },
  'attestation-org-resource-sharing': { NC: 1 },
  'attestation-package-repositories': { NC: 1 },
  'attestation-penetration-testing': { NC: 1 },
  'attestation-permission-reviews': { NC: 1 },
  'attestation-pipeline-security-assessment': { NC: 1 },
  'attestation-programmatic-deployment': { C: 1 },
  'attestation-security-controls-as-code': { NC: 1 },
  'attestation-security-management-scope': { NC: 1 },
  'attestation-security-ownership': { NC: 1 },
  'attestation-security-services-review': { NC: 1 },
  'attestation-software-integrity': { NC: 1 },
  'attestation-third-party-sharing': { NC: 1 },
  'attestation-threat-intelligence': { C: 1 },
  'attestation-threat-model': { C: 1 },
  'autoscaling-launch-config-public-ip-disabled': { C: 1, NC: 1 },
  'backup-recovery-point-encrypted': { C: 3, NC: 1 },
  'cloud-trail-cloud-watch-logs-enabled': { C: 1 },
  'cloud-trail-encryption-enabled': { C: 1 },
  'cloud-trail-log-file-validation-enabled': { NC: 1 },
  'cloudtrail-s3-dataevents-enabled': { NC: 1 },
  'cloudtrail-security-trail-enabled': { NC: 1 },
  'cloudwatch-alarm-action-check': { C: 2, NC: 1 },
  'cloudwatch-log-group-encrypted': { C: 3, NC: 2 },
  'cmk-backing-key-rotation-enabled': { C: 2, NC: 1, NA: 3 },
  'codebuild-project-artifact-encryption': { C: 2, NC: 1 },
  'codebuild-project-envvar-awscred-check': { C: 2, NC: 1 },
  'codebuild-project-s3-logs-encrypted': { C: 2, NA: 1 },
  'config-enabled-all-resources': { C: 1 },
  'cw-loggroup-retention-period-check': { C: 4, NC: 1 },
  'datastore-data-classification-tagged': { C: 23, NC: 9 },
  'datastore-encryption-in-transit-enforced': { C: 4, NC: 3 },
  'dms-replication-not-public': { C: 1, NC: 1 },
  'dynamodb-table-encrypted-kms': { C: 2, NC: 1 },
  'ebs-snapshot-public-restorable-check': { C: 1 },
  'ec2-ebs-encryption-by-default': { NC: 1 },
  'ec2-imdsv2-check': { C: 4, NC: 2 },
  'ec2-instance-managed-by-systems-manager': { C: 4, NC: 2 },
  'ec2-instance-multiple-eni-check': { C: 5, NC: 1 },
  'ec2-instance-no-public-ip': { C: 4, NC: 2 },
  'ec2-instance-profile-attached': { C: 4, NC: 2 },
  'ec2-instances-in-vpc': { C: 6 },
  'ec2-managedinstance-association-compliance-status-check': { C: 3, NC: 1 },
  'ec2-managedinstance-patch-compliance-status-check': { C: 3, NC: 1 },
  'ec2-security-group-attached-to-eni-periodic': { C: 10, NC: 1, NA: 2 },
  'ec2-stopped-instance': { C: 6 },
  'ec2-volume-inuse-check': { C: 7, NC: 1 },
  'ecr-private-image-scanning-enabled': { C: 3, NC: 1 },
  'ecs-container-insights-enabled': { C: 2, NC: 1 },
  'ecs-containers-nonprivileged': { C: 3, NC: 1, NA: 2 },
  'ecs-containers-readonly-access': { C: 2, NC: 2, NA: 2 },
  'ecs-fargate-latest-platform-version': { C: 1, NC: 1, NA: 2 },
  'ecs-task-definition-nonroot-user': { C: 1, NC: 1, NA: 4 },
  'ecs-task-definition-user-for-host-mode-check': { C: 1, NC: 1, NA: 4 },
  'efs-access-point-enforce-user-identity': { C: 2, NC: 1 },
  'efs-encrypted-check': { C: 1, NC: 1 },
  'elastic-beanstalk-managed-updates-enabled': { C: 1, NC: 1 },
  'elasticsearch-encrypted-at-rest': { C: 1 },
  'elasticsearch-in-vpc-only': { NC: 1 },
  'elasticsearch-logs-to-cloudwatch': { NC: 1 },
  'elasticsearch-node-to-node-encryption-check': { C: 1 },
  'elb-acm-certificate-required': { NC: 1 },
  'elb-logging-enabled': { C: 2, NC: 1 },
  'elb-tls-https-listeners-only': { NC: 1 },
  'elbv2-acm-certificate-required': { C: 1, NA: 1 },
  'emr-kerberos-enabled': { C: 1, NC: 1 },
  'emr-master-no-public-ip': { C: 1, NC: 1 },
  'encrypted-volumes': { C: 6, NC: 1, NA: 1 },
  'guardduty-eks-protection-audit-enabled': { NC: 1 },
  'guardduty-enabled-centralized': { C: 1 },
  'guardduty-lambda-protection-enabled': { C: 1 },
  'guardduty-malware-protection-enabled': { C: 1 },
  'guardduty-non-archived-findings': { NC: 1 },
  'guardduty-rds-protection-enabled': { C: 1 },
  'guardduty-runtime-monitoring-enabled': { NC: 1 },
  'guardduty-s3-protection-enabled': { C: 1 },
  'iam-customer-policy-blocked-kms-actions': { C: 8, NC: 1 },
  'iam-delegated-admin-role-permissions-boundary': { C: 1, NC: 1, NA: 9 },
  'iam-external-access-analyzer-enabled': { C: 1 },
  'iam-group-has-users-check': { C: 2, NC: 1 },
  'iam-no-inline-policy-check': { C: 15, NC: 4, NA: 1 },
  'iam-no-user-credentials-with-identity-center': { NC: 1 },
  'iam-password-policy': { NC: 1 },
  'iam-policy-no-statements-with-admin-access': { C: 8, NC: 1 },
  'iam-policy-no-statements-with-full-access': { C: 7, NC: 2 },
  'iam-root-access-key-check': { C: 1 },
  'iam-user-group-membership-check': { C: 4, NC: 2 },
  'iam-user-mfa-enabled': { C: 3, NC: 3 },
  'iam-user-no-policies-check': { C: 4, NC: 2 },
  'iam-user-unused-credentials-check': { C: 5, NC: 1 },
  'incident-response-isolation-security-group': { C: 1 },
  'incident-response-playbooks-deployed': { NC: 1 },
  'incident-response-role-restricted': { C: 1 },
  'kms-cmk-not-scheduled-for-deletion': { C: 4, NC: 1, NA: 1 },
  'kms-key-policy-no-broad-full-access': { C: 5, NC: 1 },
  'kms-key-policy-no-public-access': { C: 5, NC: 1 },
  'lambda-function-public-access-prohibited': { C: 4, NC: 1 },
  'lambda-inside-vpc': { C: 3, NC: 2 },
  'mfa-enabled-for-iam-console-access': { C: 5, NC: 1 },
  'multi-region-cloudtrail-enabled': { C: 1 },
  'netfw-deletion-protection-enabled': { C: 1, NC: 1 },
  'netfw-logging-enabled': { C: 1, NC: 1 },
  'netfw-multi-az-enabled': { C: 1, NC: 1 },
  'netfw-policy-default-action-fragment-packets': { C: 1, NC: 1 },
  'netfw-policy-default-action-full-packets': { C: 1, NC: 1 },
  'netfw-policy-rule-group-associated': { C: 1, NC: 1 },
  'netfw-stateless-rule-group-not-empty': { C: 1, NC: 1, NA: 1 },
  'netfw-subnet-change-protection-enabled': { C: 1, NC: 1 },
  'no-unrestricted-route-to-igw': { C: 5, NC: 2 },
  'opensearch-audit-logging-enabled': { NC: 1 },
  'opensearch-encrypted-at-rest': { C: 1 },
  'opensearch-https-required': { C: 1 },
  'opensearch-in-vpc-only': { C: 1 },
  'opensearch-logs-to-cloudwatch': { C: 1 },
  'opensearch-node-to-node-encryption-check': { C: 1 },
  'organizations-scp-guardrails-attached': { C: 1 },
  'rds-automatic-minor-version-upgrade-enabled': { C: 4 },
  'rds-instance-public-access-check': { C: 3, NC: 1 },
  'rds-logging-enabled': { NC: 4 },
  'rds-snapshot-encrypted': { C: 2, NC: 1 },
  'rds-snapshots-public-prohibited': { C: 3 },
  'rds-storage-encrypted': { C: 3, NC: 1 },
  'redshift-cluster-configuration-check': { C: 1 },
  'redshift-cluster-kms-enabled': { C: 1 },
  'redshift-cluster-maintenancesettings-check': { C: 1 },
  'redshift-cluster-public-access-check': { C: 1 },
  'redshift-enhanced-vpc-routing-enabled': { NC: 1 },
  'redshift-require-tls-ssl': { C: 1 },
  'restricted-common-ports': { C: 12, NC: 1 },
  'restricted-ssh': { C: 12, NC: 1 },
  'root-account-hardware-mfa-enabled': { NC: 1 },
  'root-account-mfa-enabled': { C: 1 },
  's3-account-level-public-access-blocks-periodic': { NC: 1 },
  's3-bucket-level-public-access-prohibited': { C: 9, NC: 3 },
  's3-bucket-logging-enabled': { C: 7, NC: 5 },
  's3-bucket-public-read-prohibited': { C: 11, NC: 1 },
  's3-bucket-public-write-prohibited': { C: 11, NC: 1 },
  's3-bucket-server-side-encryption-enabled': { C: 11, NC: 1 },
  's3-bucket-ssl-requests-only': { C: 8, NC: 4 },
  's3-bucket-versioning-enabled': { C: 7, NC: 5 },
  's3-default-encryption-kms': { C: 6, NC: 6 },
  'sagemaker-endpoint-configuration-kms-key-configured': { C: 1, NC: 1 },
  'sagemaker-notebook-instance-kms-key-configured': { C: 1, NC: 1 },
  'sagemaker-notebook-no-direct-internet-access': { C: 1, NC: 1 },
  'secretsmanager-rotation-enabled-check': { C: 2, NC: 1 },
  'secretsmanager-scheduled-rotation-success-check': { C: 2, NA: 1 },
  'secretsmanager-secret-periodic-rotation': { C: 2, NC: 1 },
  'secretsmanager-secret-unused': { C: 3 },
  'secretsmanager-using-cmk': { C: 3 },
  'security-account-information-provided': { C: 1 },
  'security-findings-alerting-enabled': { NC: 1 },
  'securityhub-enabled': { C: 1 },
  'shield-advanced-enabled-autorenew': { NC: 1 },
  'shield-advanced-resources-protected': { NA: 4 },
  'shield-drt-access': { NA: 1 },
  'sns-encrypted-kms': { C: 2, NC: 1 },
  'ssm-document-not-public': { C: 1 },
  'ssm-parameter-secrets-securestring-cmk': { C: 1, NC: 2 },
  'subnet-auto-assign-public-ip-disabled': { C: 4, NC: 3 },
  'vpc-default-security-group-closed': { C: 1, NC: 1, NA: 11 },
  'vpc-flow-logs-enabled': { C: 1, NC: 1 },
  'vpc-network-acl-unused-check': { C: 3, NC: 1 },
  'vpc-sg-open-only-to-authorized-ports': { C: 2, NC: 3, NA: 8 },
  'waf-regional-rule-not-empty': { C: 2, NC: 1 },
  'waf-regional-rulegroup-not-empty': { C: 1, NC: 1 },
  'waf-regional-webacl-not-empty': { C: 1, NC: 1 },
  'wafv2-logging-enabled': { C: 1, NC: 1 },
  'wafv2-rulegroup-logging-enabled': { C: 2, NC: 1 },
  'wafv2-rulegroup-not-empty': { C: 2, NC: 1 },
  'wafv2-webacl-not-empty': { C: 1, NC: 1 },
};

const demo = (...args: string[]) => runIn(process.cwd(), 'demo', ...args);

describe('rampart demo', () => {
  it('evaluates the demo account with the pinned verdict counts per control', async () => {
    const { code, stdout, stderr } = await demo('--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const { evaluations } = JSON.parse(stdout) as { evaluations: { controlId: string; compliance: string }[] };
    const counts: Record<string, Partial<Record<Short, number>>> = {};
    for (const e of evaluations) {
      counts[e.controlId] ??= {};
      const c = counts[e.controlId]!;
      const k = SHORT[e.compliance]!;
      c[k] = (c[k] ?? 0) + 1;
    }
    expect(counts).toEqual(EXPECTED);
  });

  it('gives every control in the catalog at least one verdict and none INSUFFICIENT_DATA or ERROR', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      catalog()
        .all()
        .map((c) => c.id),
    );
    for (const counts of Object.values(EXPECTED)) {
      expect(counts.ID ?? 0).toBe(0);
      expect(counts.E ?? 0).toBe(0);
    }
  });

  it('prints the summary table', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'rampart-demo-')), 'report.html');
    const { code, stdout } = await demo('--out', report);
    expect(code).toBe(0);
    expect(stdout).toContain(`HTML report: ${report}`);
    expect(stdout).toMatch(/Rampart demo: \d+ configuration items and \d+ account-level facts/);
    expect(stdout).toContain('Identity and access management');
    expect(DEMO_FILE).toMatch(/examples\/demo-account\.jsonl$/);
  });
});
