import { AlternateContactsFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const securityAccountInformationProvided = defineControl({
  id: 'security-account-information-provided',
  title: 'The account has a security alternate contact',
  description:
    'Checks whether the AWS account has a security alternate contact with an email address, so that AWS can reach the security team about incidents and abuse reports.',
  area: 'incident-response',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC10-BP01'],
  rationale: {
    'SEC10-BP01': 'A security alternate contact names who AWS reaches about incidents and abuse reports.',
  },
  references: { awsConfigRules: ['security-account-information-provided'], securityHub: ['Account.1'], cis: ['1.2'] },
  trigger: 'periodic',
  needs: [AlternateContactsFact.type],
  scope: 'global',
  remediation: {
    text: 'Set the security alternate contact of the account (account:PutAlternateContact) to a monitored team mailbox and phone number, not to one person.',
    url: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
  },
  evaluate(item, ctx) {
    const { security } = ctx.require(AlternateContactsFact);
    if (security === null) return nonCompliant(`Account ${item.accountId} has no security alternate contact.`);
    if (security.emailAddress.trim() === '') {
      return nonCompliant(`The security alternate contact of account ${item.accountId} has no email address.`);
    }
    return compliant(`Account ${item.accountId} has security alternate contact ${security.name}.`);
  },
});
