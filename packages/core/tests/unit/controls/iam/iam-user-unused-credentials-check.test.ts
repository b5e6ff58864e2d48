import { describe, expect, it } from 'vitest';
import { iamUserUnusedCredentialsCheck as control } from '../../../../src/controls/iam/iam-user-unused-credentials-check.js';
import { ACCOUNT } from '../../../helpers.js';
import { credentialReport, developerVerdict, evaluations, reportRow } from './iam-test-data.js';

describe('iam-user-unused-credentials-check', () => {
  it('compliant: password and key used in the last days', () => {
    const v = developerVerdict(control, reportRow());
    expect(v).toMatchObject({
      compliance: 'COMPLIANT',
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAZ3MQK7XWN5D8GHJ2K',
    });
    expect(v.annotation).toBe('The credentials of IAM user maria.silva were used within 90 days.');
  });

  it('compliant: no password and no active keys', () => {
    const v = developerVerdict(control, reportRow({ passwordEnabled: false, accessKey1Active: false }));
    expect(v.annotation).toBe('IAM user maria.silva has no password or active access keys.');
  });

  it('compliant: a key created recently and never used', () => {
    const row = reportRow({ accessKey1LastRotated: '2026-11-20T00:00:00+00:00', accessKey1LastUsedDate: null });
    expect(developerVerdict(control, row).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: password unused for more than 90 days', () => {
    const v = developerVerdict(control, reportRow({ passwordLastUsed: '2026-05-04T10:00:00+00:00' }));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'IAM user maria.silva has credentials unused for more than 90 days: password (last used 2026-05-04).',
    );
  });

  it('non-compliant: an active access key unused for more than 90 days', () => {
    const v = developerVerdict(control, reportRow({ accessKey1LastUsedDate: '2026-03-01T00:00:00+00:00' }));
    expect(v.annotation).toBe(
      'IAM user maria.silva has credentials unused for more than 90 days: access key 1 (last used 2026-03-01).',
    );
  });

  it('non-compliant: a password never used since it was set long ago, and a never-used old key', () => {
    const v = developerVerdict(
      control,
      reportRow({
        passwordLastUsed: null,
        passwordLastChanged: '2026-01-10T00:00:00+00:00',
        accessKey2Active: true,
        accessKey2LastRotated: '2025-12-01T00:00:00+00:00',
        accessKey2LastUsedDate: null,
      }),
    );
    expect(v.annotation).toBe(
      'IAM user maria.silva has credentials unused for more than 90 days: password (never used, since 2026-01-10), access key 2 (never used, since 2025-12-01).',
    );
  });

  it('non-compliant: a never-used password without a change date, counted from the user creation', () => {
    const row = reportRow({ passwordLastUsed: null, passwordLastChanged: null });
    expect(developerVerdict(control, row).annotation).toContain('password (never used, since 2024-02-12)');
  });

  it('compliant with maxCredentialUsageAge=365; non-compliant with maxCredentialUsageAge=7', () => {
    const row = reportRow({ passwordLastUsed: '2026-05-04T10:00:00+00:00' });
    expect(developerVerdict(control, row, { params: { maxCredentialUsageAge: 365 } }).compliance).toBe('COMPLIANT');
    const recent = reportRow({ passwordLastUsed: '2026-11-20T10:00:00+00:00' });
    expect(developerVerdict(control, recent, { params: { maxCredentialUsageAge: '7' } }).annotation).toBe(
      'IAM user maria.silva has credentials unused for more than 7 days: password (last used 2026-11-20).',
    );
    expect(developerVerdict(control, recent).compliance).toBe('COMPLIANT');
  });

  it('not applicable: an account without IAM users', () => {
    expect(evaluations(control, [credentialReport()])[0]?.compliance).toBe('NOT_APPLICABLE');
  });

  it('insufficient data: no credential report in the input', () => {
    expect(evaluations(control, [])[0]).toMatchObject({ resourceId: ACCOUNT, compliance: 'INSUFFICIENT_DATA' });
  });
});
