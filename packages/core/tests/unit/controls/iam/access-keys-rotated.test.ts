import { describe, expect, it } from 'vitest';
import { accessKeysRotated as control } from '../../../../src/controls/iam/access-keys-rotated.js';
import { ACCOUNT, NOW } from '../../../helpers.js';
import { credentialReport, developerVerdict, evaluations, otherUser, reportRow, user } from './iam-test-data.js';

describe('access-keys-rotated', () => {
  it('compliant: the active key was rotated 45 days ago; the verdict names the IAM user resource', () => {
    const v = developerVerdict(control, reportRow());
    expect(v).toEqual({
      controlId: 'access-keys-rotated',
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAZ3MQK7XWN5D8GHJ2K',
      resourceArn: 'arn:aws:iam::123456789012:user/maria.silva',
      accountId: ACCOUNT,
      region: 'global',
      compliance: 'COMPLIANT',
      annotation: 'The active access keys of IAM user maria.silva were rotated within 90 days.',
    });
  });

  it('compliant: no active access keys (an inactive old key does not count)', () => {
    const v = developerVerdict(
      control,
      reportRow({ accessKey1Active: false, accessKey1LastRotated: '2023-01-01T00:00:00+00:00' }),
    );
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva has no active access keys.');
  });

  it('compliant: exactly 90 days old', () => {
    const rotated = new Date(NOW.getTime() - 90 * 86_400_000).toISOString();
    expect(developerVerdict(control, reportRow({ accessKey1LastRotated: rotated })).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: an active key older than 90 days', () => {
    const v = developerVerdict(control, reportRow({ accessKey1LastRotated: '2026-06-01T09:00:00+00:00' }));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'IAM user maria.silva has access keys older than 90 days: key 1 rotated 2026-06-01 (180 days ago).',
    );
  });

  it('non-compliant: both keys old', () => {
    const v = developerVerdict(
      control,
      reportRow({
        accessKey1LastRotated: '2025-11-01T00:00:00+00:00',
        accessKey2Active: true,
        accessKey2LastRotated: '2026-08-01T00:00:00+00:00',
      }),
    );
    expect(v.annotation).toBe(
      'IAM user maria.silva has access keys older than 90 days: key 1 rotated 2025-11-01 (393 days ago), key 2 rotated 2026-08-01 (120 days ago).',
    );
  });

  it('compliant with maxAccessKeyAge=365; non-compliant with maxAccessKeyAge=30', () => {
    const row = reportRow({ accessKey1LastRotated: '2026-06-01T09:00:00+00:00' });
    expect(developerVerdict(control, row, { params: { maxAccessKeyAge: '365' } }).compliance).toBe('COMPLIANT');
    expect(developerVerdict(control, reportRow(), { params: { maxAccessKeyAge: '30' } }).annotation).toBe(
      'IAM user maria.silva has access keys older than 30 days: key 1 rotated 2026-10-15 (44 days ago).',
    );
  });

  it('non-compliant: one user of three has an old key; one verdict per IAM user, root left out, a user without a CI named by user name', () => {
    const found = evaluations(control, [
      credentialReport(
        reportRow(),
        reportRow({
          user: 'ci-deployer',
          arn: `arn:aws:iam::${ACCOUNT}:user/ci-deployer`,
          accessKey1LastRotated: '2025-01-01T00:00:00+00:00',
        }),
        reportRow({ user: 'li.wei', arn: `arn:aws:iam::${ACCOUNT}:user/li.wei` }),
      ),
      user(),
      otherUser('li.wei', 'AIDAZ3MQK7XWR4C2VXP6H'),
    ]);
    expect(found.map((e) => [e.resourceId, e.resourceArn, e.compliance])).toEqual([
      ['AIDAZ3MQK7XWN5D8GHJ2K', 'arn:aws:iam::123456789012:user/maria.silva', 'COMPLIANT'],
      ['AIDAZ3MQK7XWR4C2VXP6H', 'arn:aws:iam::123456789012:user/li.wei', 'COMPLIANT'],
      ['ci-deployer', 'arn:aws:iam::123456789012:user/ci-deployer', 'NON_COMPLIANT'],
    ]);
  });

  it('not applicable: an account without IAM users', () => {
    const found = evaluations(control, [credentialReport()]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      resourceType: 'AWS::::Account',
      resourceId: ACCOUNT,
      compliance: 'NOT_APPLICABLE',
      annotation: `Account ${ACCOUNT} has no IAM users.`,
    });
  });

  it('insufficient data: an active key without a rotation date', () => {
    const v = developerVerdict(control, reportRow({ accessKey1LastRotated: null }));
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'The credential report has no rotation date for active access key 1 of IAM user maria.silva.',
    );
  });

  it('insufficient data: no credential report in the input', () => {
    const found = evaluations(control, [user()]);
    expect(found).toEqual([
      expect.objectContaining({
        resourceType: 'AWS::::Account',
        compliance: 'INSUFFICIENT_DATA',
        annotation: `The input holds no Rampart::IAM::CredentialReport fact for account ${ACCOUNT}.`,
      }),
    ]);
  });

  it('rejects a malformed maxAccessKeyAge parameter', () => {
    expect(() => control.parseParameters({ maxAccessKeyAge: '0' })).toThrow(/maxAccessKeyAge/);
  });
});
