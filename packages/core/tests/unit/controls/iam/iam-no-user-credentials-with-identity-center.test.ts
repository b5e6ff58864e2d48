import { describe, expect, it } from 'vitest';
import { iamNoUserCredentialsWithIdentityCenter as control } from '../../../../src/controls/iam/iam-no-user-credentials-with-identity-center.js';
import { SsoInstancesFact } from '../../../../src/index.js';
import { accountVerdict, factFixture, factItem } from '../../../helpers.js';
import { credentialReport, reportRow, role } from './iam-test-data.js';

const sso = () => factItem(SsoInstancesFact, factFixture('sso-instances'));
const noSso = () => factItem(SsoInstancesFact, { instances: [] });
const noCredentials = reportRow({ passwordEnabled: false, accessKey1Active: false });
/** An IAM Identity Center permission-set role, as Identity Center provisions it in each account. */
function ssoRole() {
  const ci = role();
  const name = 'AWSReservedSSO_PlatformAdmin_4f1c2a9b8e7d6c5b';
  const path = '/aws-reserved/sso.amazonaws.com/eu-west-1/';
  ci.resourceId = 'AROAZ3MQK7XWSSO4ADMIN';
  ci.resourceName = name;
  ci.ARN = `arn:aws:iam::123456789012:role${path}${name}`;
  Object.assign(ci.configuration, { roleName: name, path, arn: ci.ARN, roleId: ci.resourceId });
  return ci;
}

describe('iam-no-user-credentials-with-identity-center', () => {
  it('compliant: Identity Center in use and no IAM user has credentials', () => {
    const v = accountVerdict(control, [sso(), credentialReport(noCredentials)]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'global' });
    expect(v.annotation).toBe(
      'Account 123456789012 uses IAM Identity Center instance ssoins-6804a1b2c3d4e5f6 and no IAM user has a password or active access key.',
    );
  });

  it('non-compliant: an IAM user keeps a password and an access key', () => {
    const v = accountVerdict(control, [sso(), credentialReport(reportRow())]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Account 123456789012 uses IAM Identity Center instance ssoins-6804a1b2c3d4e5f6, but 1 IAM user keeps long-term credentials: maria.silva (password, access key 1).',
    );
  });

  it('non-compliant: Identity Center found through its roles in a member account (no instance visible)', () => {
    const rows = [reportRow(), reportRow({ user: 'ci-deploy', passwordEnabled: false, accessKey2Active: true })];
    const v = accountVerdict(control, [noSso(), credentialReport(...rows), ssoRole()]);
    expect(v.annotation).toBe(
      'Account 123456789012 uses IAM Identity Center (role AWSReservedSSO_PlatformAdmin_4f1c2a9b8e7d6c5b), but 2 IAM users keep long-term credentials: maria.silva (password, access key 1), ci-deploy (access key 1, access key 2).',
    );
  });

  it('not applicable: the account does not use Identity Center (the root user does not count either)', () => {
    const v = accountVerdict(control, [noSso(), credentialReport(reportRow())]);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Account 123456789012 does not use IAM Identity Center.');
  });

  it('parameters: allowedUserNames exempts break-glass users', () => {
    const v = accountVerdict(control, [sso(), credentialReport(reportRow())], {
      params: { allowedUserNames: 'break-glass, maria.silva' },
    });
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('insufficient data: no Identity Center fact and no roles; or no credential report', () => {
    expect(accountVerdict(control, [credentialReport(reportRow())]).compliance).toBe('INSUFFICIENT_DATA');
    const v = accountVerdict(control, [sso()]);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toContain('Rampart::IAM::CredentialReport');
  });
});
