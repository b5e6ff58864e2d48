import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../src/commands/demo.js';
import { type CliIo, runCli } from '../../src/main.js';

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
  'cloud-trail-cloud-watch-logs-enabled': { C: 1 },
  'cloud-trail-encryption-enabled': { C: 1 },
  'cloud-trail-log-file-validation-enabled': { NC: 1 },
  'cloudtrail-s3-dataevents-enabled': { NC: 1 },
  'cloudtrail-security-trail-enabled': { NC: 1 },
  'cloudwatch-alarm-action-check': { C: 2, NC: 1 },
  'cloudwatch-log-group-encrypted': { C: 3, NC: 2 },
  'cmk-backing-key-rotation-enabled': { C: 2, NA: 3, NC: 1 },
  'config-enabled-all-resources': { C: 1 },
  'cw-loggroup-retention-period-check': { C: 4, NC: 1 },
  'ec2-ebs-encryption-by-default': { NC: 1 },
  'ec2-imdsv2-check': { C: 4, NC: 2 },
  'ec2-instance-no-public-ip': { C: 4, NC: 2 },
  'encrypted-volumes': { C: 6, NA: 1, NC: 1 },
  'guardduty-enabled-centralized': { C: 1 },
  'iam-customer-policy-blocked-kms-actions': { C: 8, NC: 1 },
  'iam-delegated-admin-role-permissions-boundary': { C: 1, NA: 9, NC: 1 },
  'iam-external-access-analyzer-enabled': { C: 1 },
  'iam-group-has-users-check': { C: 2, NC: 1 },
  'iam-no-inline-policy-check': { C: 15, NA: 1, NC: 4 },
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
  'kms-cmk-not-scheduled-for-deletion': { C: 4, NA: 1, NC: 1 },
  'mfa-enabled-for-iam-console-access': { C: 5, NC: 1 },
  'multi-region-cloudtrail-enabled': { C: 1 },
  'netfw-deletion-protection-enabled': { C: 1, NC: 1 },
  'netfw-multi-az-enabled': { C: 1, NC: 1 },
  'netfw-policy-default-action-fragment-packets': { C: 1, NC: 1 },
  'netfw-policy-default-action-full-packets': { C: 1, NC: 1 },
  'netfw-policy-rule-group-associated': { C: 1, NC: 1 },
  'netfw-stateless-rule-group-not-empty': { C: 1, NA: 1, NC: 1 },
  'netfw-subnet-change-protection-enabled': { C: 1, NC: 1 },
  'organizations-scp-guardrails-attached': { C: 1 },
  'rds-instance-public-access-check': { C: 2, NC: 1 },
  'rds-storage-encrypted': { C: 2, NC: 1 },
  'restricted-common-ports': { C: 10, NC: 1 },
  'restricted-ssh': { C: 10, NC: 1 },
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
  'secretsmanager-rotation-enabled-check': { C: 2, NC: 1 },
  'security-account-information-provided': { C: 1 },
  'security-findings-alerting-enabled': { NC: 1 },
  'securityhub-enabled': { C: 1 },
  'sns-encrypted-kms': { C: 2, NC: 1 },
  'vpc-default-security-group-closed': { C: 1, NA: 9, NC: 1 },
  'vpc-flow-logs-enabled': { C: 1, NC: 1 },
  'vpc-sg-open-only-to-authorized-ports': { C: 2, NA: 7, NC: 2 },
};

async function demo(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    color: false,
    cwd: process.cwd(),
  };
  return { code: await runCli(['demo', ...args], io), stdout, stderr };
}

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
