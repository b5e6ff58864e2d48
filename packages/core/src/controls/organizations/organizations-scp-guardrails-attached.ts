import { type OrganizationsAccount, OrganizationsAccountFact } from '../../facts/index.js';
import { parsePolicy } from '../../iam/policy.js';
import { compliant, defineControl, insufficientData, nonCompliant, notApplicable } from '../../model/control.js';
import { shortList } from '../iam/iam-configuration.js';

type Scp = NonNullable<OrganizationsAccount['serviceControlPolicies']>[number];

const FULL_AWS_ACCESS_ID = 'p-FullAWSAccess';

/**
 * Whether the SCP restricts anything: it has a Deny statement, or it allows less than everything
 * (an allow-list SCP). FullAWSAccess, and copies of it, restrict nothing. A policy whose document
 * was not read counts by its id and name alone.
 */
function isGuardrail(scp: Scp): boolean {
  if (scp.id === FULL_AWS_ACCESS_ID || (scp.awsManaged && scp.name === 'FullAWSAccess')) return false;
  if (scp.content === null || scp.content === undefined) return true;
  const policy = parsePolicy(scp.content, `SCP ${scp.name}`);
  return policy.statements.some(
    (s) =>
      s.effect === 'Deny' ||
      s.notActions !== undefined ||
      !(s.actions ?? []).includes('*') ||
      !(s.resources ?? []).includes('*') ||
      Object.keys(s.condition).length > 0,
  );
}

export const organizationsScpGuardrailsAttached = defineControl({
  id: 'organizations-scp-guardrails-attached',
  title: 'Service control policies other than FullAWSAccess apply to the account',
  description:
    'Checks whether at least one service control policy that restricts something (not FullAWSAccess or a copy of it) is attached to the account, its organizational units or the root, with SCPs enabled. The management account, which SCPs never restrict, is not applicable.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC03-BP05'],
  rationale: {
    'SEC03-BP05':
      'A restricting service control policy applies to the account: an organization-wide permission guardrail.',
  },
  trigger: 'periodic',
  needs: [OrganizationsAccountFact.type],
  scope: 'global',
  remediation: {
    text: 'Attach guardrail SCPs to the root or the OUs (for example: deny leaving the organization, disabling CloudTrail, GuardDuty, Config or Security Hub, and use of unapproved regions).',
    url: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html',
  },
  evaluate(item, ctx) {
    const org = ctx.require(OrganizationsAccountFact);
    if (!org.member) {
      return nonCompliant(`Account ${item.accountId} is not in an AWS organization, so no SCP guardrails apply.`);
    }
    if (org.managementAccountId === item.accountId) {
      return notApplicable(
        `Account ${item.accountId} is the management account of ${org.organizationId ?? 'its organization'}; SCPs do not restrict it.`,
      );
    }
    if (org.featureSet === 'CONSOLIDATED_BILLING') {
      return nonCompliant(
        `Organization ${org.organizationId ?? 'unknown'} has only consolidated billing features, so SCPs cannot apply to account ${item.accountId}.`,
      );
    }
    if (org.serviceControlPoliciesEnabled === false) {
      return nonCompliant(
        `The SCP policy type is not enabled in the root of organization ${org.organizationId ?? 'unknown'}.`,
      );
    }
    if (org.serviceControlPolicies === null) {
      return insufficientData(
        `The SCPs that apply to account ${item.accountId} were not read (organizations:ListPoliciesForTarget needs the management or a delegated administrator account).`,
      );
    }
    const guardrails = org.serviceControlPolicies.filter(isGuardrail);
    if (guardrails.length === 0) {
      return nonCompliant(`Only FullAWSAccess applies to account ${item.accountId}: no SCP guardrail restricts it.`);
    }
    const names = [...new Set(guardrails.map((g) => g.name))];
    return compliant(
      `${names.length === 1 ? 'SCP' : 'SCPs'} ${shortList(names)} ${names.length === 1 ? 'restricts' : 'restrict'} account ${item.accountId}.`,
    );
  },
});
