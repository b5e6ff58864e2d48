import { describe, expect, it } from 'vitest';
import { incidentResponseRoleRestricted as control } from '../../../../src/controls/account/incident-response-role-restricted.js';
import { ACCOUNT, accountVerdict, fixture, type Json, toApiShape } from '../../../helpers.js';

const ROLE = 'AWS::IAM::Role';
const happy = () => fixture(ROLE, 'ir-responder');
const trustPolicy = (ci: Json): Json => JSON.parse(decodeURIComponent(ci.configuration.assumeRolePolicyDocument));
/** The responder role with one more trust statement, stored URL-encoded as AWS Config records it. */
const trusting = (statement: Json): Json => {
  const ci = happy();
  const policy = trustPolicy(ci);
  policy.Statement.push({ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement });
  ci.configuration.assumeRolePolicyDocument = encodeURIComponent(JSON.stringify(policy));
  return ci;
};

describe('incident-response-role-restricted', () => {
  it('compliant: tagged role trusted by services and a named SSO role', () => {
    const v = accountVerdict(control, [happy(), fixture(ROLE, 'task-role')]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'global' });
    expect(v.annotation).toBe('Incident response role(s) rampart-incident-responder trust named principals only.');
  });

  it('compliant: the role in the Config API shape', () => {
    expect(accountVerdict(control, [toApiShape(happy())]).compliance).toBe('COMPLIANT');
  });

  it('compliant: a whole account narrowed by aws:PrincipalArn', () => {
    const ci = trusting({
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/SecurityResponder' } },
    });
    expect(accountVerdict(control, [ci]).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no role tagged for incident response', () => {
    const v = accountVerdict(control, [fixture(ROLE, 'task-role')]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`No IAM role tagged rampart:component=incident-response exists in account ${ACCOUNT}.`);
  });

  it('non-compliant: the trust policy allows any principal', () => {
    const ci = trusting({ Principal: { AWS: '*' } });
    const v = accountVerdict(control, [ci]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Incident response role rampart-incident-responder trusts any principal ("*").');
    expect(accountVerdict(control, [toApiShape(ci)]).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: "*" stays broad even with a condition', () => {
    const ci = trusting({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } });
    expect(accountVerdict(control, [ci]).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: a whole account without a condition naming the callers', () => {
    const ci = trusting({ Principal: { AWS: '111122223333' } });
    expect(accountVerdict(control, [ci]).annotation).toBe(
      'Incident response role rampart-incident-responder trusts all of account 111122223333 without a condition naming the callers.',
    );
  });

  it('non-compliant: a root principal narrowed only by MFA or an IfExists condition', () => {
    const mfa = trusting({
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    expect(accountVerdict(control, [mfa]).compliance).toBe('NON_COMPLIANT');
    const ifExists = trusting({
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Condition: { ArnEqualsIfExists: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/Responder` } },
    });
    expect(accountVerdict(control, [ifExists]).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: NotPrincipal', () => {
    const ci = trusting({ NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Intern` } });
    expect(accountVerdict(control, [ci]).annotation).toBe(
      'Incident response role rampart-incident-responder uses NotPrincipal.',
    );
  });

  it('non-compliant: a web identity provider without conditions', () => {
    const ci = trusting({
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    expect(accountVerdict(control, [ci]).annotation).toBe(
      'Incident response role rampart-incident-responder trusts identity provider cognito-identity.amazonaws.com without conditions.',
    );
  });

  it('compliant: a SAML provider with an audience condition', () => {
    const ci = trusting({
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/AcmeIdP` },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    });
    expect(accountVerdict(control, [ci]).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: one of two tagged roles is too broad', () => {
    const broad = trusting({ Principal: { AWS: '*' } });
    broad.resourceId = 'AROAZ3MQK7XWT2BROAD9Q';
    broad.resourceName = 'rampart-ir-forensics';
    broad.ARN = 'arn:aws:iam::123456789012:role/rampart/rampart-ir-forensics';
    broad.configuration.roleName = 'rampart-ir-forensics';
    const v = accountVerdict(control, [happy(), broad]);
    expect(v.annotation).toBe('Incident response role rampart-ir-forensics trusts any principal ("*").');
  });

  it('non-compliant: several problems, one named in full within 256 characters', () => {
    const ci = trusting({
      Principal: {
        AWS: ['111122223333', '444455556666'],
        Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
      },
    });
    const v = accountVerdict(control, [ci]);
    expect(v.annotation).toBe(
      'Incident response role rampart-incident-responder trusts all of account 111122223333 without a condition naming the callers (and 2 more trust problem(s)).',
    );
    expect(v.annotation.length).toBeLessThanOrEqual(256);
  });

  it('non-compliant: the only tagged role was deleted', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(accountVerdict(control, [ci]).compliance).toBe('NON_COMPLIANT');
  });

  it('error: a trust policy that does not parse gives ERROR, never a pass', () => {
    const ci = happy();
    ci.configuration.assumeRolePolicyDocument = '%7Bnot%20json';
    const v = accountVerdict(control, [ci]);
    expect(v.compliance).toBe('ERROR');
    expect(v.annotation).toContain('trust policy of role rampart-incident-responder');
  });

  it('insufficient data: IAM roles could not be read', () => {
    const v = accountVerdict(control, [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: 'global',
          service: 'iam',
          operation: 'GetAccountAuthorizationDetails',
          resourceTypes: [ROLE],
          code: 'AccessDenied',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
  });
});
