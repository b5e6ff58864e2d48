import { describe, expect, it } from 'vitest';
import { iamPasswordPolicy as control } from '../../../../src/controls/iam/iam-password-policy.js';
import { PasswordPolicyFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem } from '../../../helpers.js';

const STRONG = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  expirePasswords: true,
  maxPasswordAge: 90,
  passwordReusePrevention: 24,
  hardExpiry: false,
};
const policy = (over: Record<string, unknown> = {}) => [
  factItem(PasswordPolicyFact, { policy: { ...STRONG, ...over } }),
];

describe('iam-password-policy', () => {
  it('compliant: the CIS-strength policy meets every default requirement', () => {
    const v = accountVerdict(control, policy());
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'global' });
    expect(v.annotation).toBe(`The IAM password policy of account ${ACCOUNT} meets every requirement.`);
  });

  it('compliant: stricter than required', () => {
    const v = accountVerdict(control, policy({ minimumPasswordLength: 20, maxPasswordAge: 60 }));
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no password policy', () => {
    const v = accountVerdict(control, [factItem(PasswordPolicyFact, { policy: null })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no IAM password policy, so the IAM default applies.`);
  });

  it.each([
    ['uppercase not required', { requireUppercaseCharacters: false }],
    ['lowercase not required', { requireLowercaseCharacters: false }],
    ['symbols not required', { requireSymbols: false }],
    ['numbers not required', { requireNumbers: false }],
    ['minimum length 8 < 14', { minimumPasswordLength: 8 }],
    ['reuse prevention 5 < 24', { passwordReusePrevention: 5 }],
    ['reuse prevention 0 < 24', { passwordReusePrevention: undefined }],
    ['max age 180 > 90 days', { maxPasswordAge: 180 }],
    ['passwords never expire (max 90 days)', { expirePasswords: false, maxPasswordAge: undefined }],
  ])('non-compliant: %s', (gap, over) => {
    const v = accountVerdict(control, policy(over));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`The IAM password policy of account ${ACCOUNT} falls short: ${gap}.`);
  });

  it('non-compliant: every gap at once, within the 256 characters of an AWS Config annotation', () => {
    const v = accountVerdict(
      control,
      policy({
        minimumPasswordLength: 6,
        requireSymbols: false,
        requireNumbers: false,
        requireUppercaseCharacters: false,
        requireLowercaseCharacters: false,
        expirePasswords: false,
        maxPasswordAge: undefined,
        passwordReusePrevention: undefined,
      }),
    );
    expect(v.annotation).toBe(
      `The IAM password policy of account ${ACCOUNT} falls short: uppercase not required; lowercase not required; symbols not required; numbers not required; minimum length 6 < 14; reuse prevention 0 < 24; passwords never expire (max 90 days).`,
    );
    expect(v.annotation.length).toBeLessThanOrEqual(256);
  });

  it('compliant with parameters: a policy that meets relaxed, non-default requirements', () => {
    const params = {
      RequireSymbols: 'false',
      MinimumPasswordLength: '8',
      PasswordReusePrevention: '5',
      MaxPasswordAge: '365',
    };
    const v = accountVerdict(
      control,
      policy({ requireSymbols: false, minimumPasswordLength: 8, passwordReusePrevention: 5, maxPasswordAge: 365 }),
      { params },
    );
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('non-compliant with parameters: a stricter minimum length', () => {
    const v = accountVerdict(control, policy(), { params: { MinimumPasswordLength: '16' } });
    expect(v.annotation).toBe(`The IAM password policy of account ${ACCOUNT} falls short: minimum length 14 < 16.`);
  });

  it('rejects a malformed parameter', () => {
    expect(() => control.parseParameters({ MinimumPasswordLength: 'fourteen' })).toThrow(/MinimumPasswordLength/);
    expect(() => control.parseParameters({ Unknown: 'x' })).toThrow();
  });

  it('insufficient data: no password policy fact in the input', () => {
    const v = accountVerdict(control, []);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(`The input holds no Rampart::IAM::PasswordPolicy fact for account ${ACCOUNT}.`);
  });
});
