import * as z from 'zod';
import { OrganizationsAccountFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const accountPartOfOrganizations = defineControl({
  id: 'account-part-of-organizations',
  title: 'The AWS account is part of AWS Organizations, optionally under a given management account',
  description:
    'Checks whether the AWS account is a member of an organization in AWS Organizations. With MasterAccountId set, the management account of the organization must be that account.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC01-BP01'],
  rationale: {
    'SEC01-BP01':
      'Organization membership is the basis for separating workloads into accounts under central governance.',
  },
  references: { awsConfigRules: ['account-part-of-organizations'] },
  trigger: 'periodic',
  needs: [OrganizationsAccountFact.type],
  scope: 'global',
  parameters: z.strictObject({
    MasterAccountId: z
      .string()
      .trim()
      .regex(/^\d{12}$/)
      .optional(),
  }),
  remediation: {
    text: 'Invite the account into your organization (or create it there), so that SCPs, organization trails and delegated security services cover it.',
    url: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_invites.html',
  },
  evaluate(item, ctx) {
    const org = ctx.require(OrganizationsAccountFact);
    if (!org.member) return nonCompliant(`Account ${item.accountId} is not part of an AWS organization.`);
    const id = org.organizationId ?? 'unknown';
    const expected = ctx.params.MasterAccountId;
    if (expected !== undefined && org.managementAccountId !== expected) {
      return nonCompliant(
        `Account ${item.accountId} is in organization ${id}, whose management account is ${org.managementAccountId ?? 'unknown'}, not ${expected}.`,
      );
    }
    return compliant(
      `Account ${item.accountId} is part of organization ${id} (management account ${org.managementAccountId ?? 'unknown'}).`,
    );
  },
});
