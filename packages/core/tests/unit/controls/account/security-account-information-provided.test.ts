import { describe, expect, it } from 'vitest';
import { securityAccountInformationProvided as control } from '../../../../src/controls/account/security-account-information-provided.js';
import { AlternateContactsFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, type Json } from '../../../helpers.js';

const contact = (name: string, email: string) => ({
  name,
  title: 'Team mailbox',
  emailAddress: email,
  phoneNumber: '+44 20 7946 0000',
});
const contacts = (over: Json = {}) =>
  factItem(AlternateContactsFact, {
    security: contact('Acme Security Operations', 'security@acme.example'),
    operations: contact('Acme Platform On-call', 'platform-oncall@acme.example'),
    billing: null,
    ...over,
  });

describe('security-account-information-provided', () => {
  it('compliant: security contact set', () => {
    const v = accountVerdict(control, [contacts()]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'global' });
    expect(v.annotation).toBe(`Account ${ACCOUNT} has security alternate contact Acme Security Operations.`);
  });

  it('non-compliant: no security contact (other contacts do not count)', () => {
    const v = accountVerdict(control, [contacts({ security: null })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no security alternate contact.`);
  });

  it('non-compliant: security contact without an email address', () => {
    const v = accountVerdict(control, [contacts({ security: contact('Acme Security Operations', ' ') })]);
    expect(v.annotation).toBe(`The security alternate contact of account ${ACCOUNT} has no email address.`);
  });

  it('insufficient data: no alternate contacts fact', () => {
    const v = accountVerdict(control, []);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(`The input holds no Rampart::Account::AlternateContacts fact for account ${ACCOUNT}.`);
  });
});
