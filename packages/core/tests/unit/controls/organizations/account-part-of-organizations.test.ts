import { describe, expect, it } from 'vitest';
import { accountPartOfOrganizations as control } from '../../../../src/controls/organizations/account-part-of-organizations.js';
import { OrganizationsAccountFact } from '../../../../src/index.js';
import { accountVerdict, factFixture, factItem, type Json } from '../../../helpers.js';

const org = () => factFixture('organizations-account');
const facts = (value: Json) => [factItem(OrganizationsAccountFact, value)];

describe('account-part-of-organizations', () => {
  it('compliant: the account is in an organization', () => {
    const v = accountVerdict(control, facts(org()));
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'global' });
    expect(v.annotation).toBe(
      'Account 123456789012 is part of organization o-a1b2c3d4e5 (management account 210987654321).',
    );
  });

  it('non-compliant: a standalone account', () => {
    const v = accountVerdict(control, facts({ member: false }));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Account 123456789012 is not part of an AWS organization.');
  });

  it('parameters: MasterAccountId must name the management account', () => {
    expect(accountVerdict(control, facts(org()), { params: { MasterAccountId: '210987654321' } }).compliance).toBe(
      'COMPLIANT',
    );
    const v = accountVerdict(control, facts(org()), { params: { MasterAccountId: '999988887777' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Account 123456789012 is in organization o-a1b2c3d4e5, whose management account is 210987654321, not 999988887777.',
    );
    expect(() => control.parseParameters({ MasterAccountId: 'acme' })).toThrow(/MasterAccountId/);
  });

  it('insufficient data: no organizations fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
