import { describe, expect, it } from 'vitest';
import { organizationsScpGuardrailsAttached as control } from '../../../../src/controls/organizations/organizations-scp-guardrails-attached.js';
import { OrganizationsAccountFact } from '../../../../src/index.js';
import { accountVerdict, factFixture, factItem, type Json } from '../../../helpers.js';

const org = () => factFixture('organizations-account');
const facts = (value: Json) => [factItem(OrganizationsAccountFact, value)];
const fullAccessOnly = () => {
  const value = org();
  value.serviceControlPolicies = value.serviceControlPolicies.filter((p: Json) => p.id === 'p-FullAWSAccess');
  return value;
};

describe('organizations-scp-guardrails-attached', () => {
  it('compliant: a deny SCP on the OU applies to the account', () => {
    const v = accountVerdict(control, facts(org()));
    expect(v).toMatchObject({ compliance: 'COMPLIANT', region: 'global' });
    expect(v.annotation).toBe('SCP deny-security-service-changes restricts account 123456789012.');
  });

  it('compliant: an allow-list SCP (FullAWSAccess detached)', () => {
    const value = org();
    value.serviceControlPolicies = [
      {
        id: 'p-allowlist1',
        name: 'approved-services',
        targetId: 'r-a1b2',
        content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:*', 's3:*'], Resource: '*' }] },
      },
    ];
    expect(accountVerdict(control, facts(value)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: only FullAWSAccess applies', () => {
    const v = accountVerdict(control, facts(fullAccessOnly()));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Only FullAWSAccess applies to account 123456789012: no SCP guardrail restricts it.');
  });

  it('non-compliant: a customer SCP that allows everything is no guardrail', () => {
    const value = fullAccessOnly();
    value.serviceControlPolicies.push({
      id: 'p-copyall1',
      name: 'allow-all-copy',
      targetId: 'ou-a1b2-workload1',
      content: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    });
    expect(accountVerdict(control, facts(value)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: not in an organization', () => {
    expect(accountVerdict(control, facts({ member: false })).annotation).toBe(
      'Account 123456789012 is not in an AWS organization, so no SCP guardrails apply.',
    );
  });

  it('non-compliant: consolidated billing only, or the SCP policy type disabled', () => {
    const billing = org();
    billing.featureSet = 'CONSOLIDATED_BILLING';
    expect(accountVerdict(control, facts(billing)).annotation).toBe(
      'Organization o-a1b2c3d4e5 has only consolidated billing features, so SCPs cannot apply to account 123456789012.',
    );
    const disabled = org();
    disabled.serviceControlPoliciesEnabled = false;
    expect(accountVerdict(control, facts(disabled)).annotation).toBe(
      'The SCP policy type is not enabled in the root of organization o-a1b2c3d4e5.',
    );
  });

  it('not applicable: the management account', () => {
    const value = org();
    value.managementAccountId = '123456789012';
    const v = accountVerdict(control, facts(value));
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(
      'Account 123456789012 is the management account of o-a1b2c3d4e5; SCPs do not restrict it.',
    );
  });

  it('insufficient data: the SCPs were not read, or no fact', () => {
    const value = org();
    value.serviceControlPolicies = null;
    expect(accountVerdict(control, facts(value)).compliance).toBe('INSUFFICIENT_DATA');
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
