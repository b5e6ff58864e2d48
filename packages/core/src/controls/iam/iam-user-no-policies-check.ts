import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type IamUserConfiguration, iamName, plural, policyNames, shortList } from './iam-configuration.js';

export const iamUserNoPoliciesCheck = defineControl({
  id: 'iam-user-no-policies-check',
  title: 'IAM users have no policies attached directly',
  description:
    'Checks whether an IAM user has managed policies attached (attachedManagedPolicies) or inline policies (userPolicyList). Users should get their permissions from groups or roles.',
  area: 'iam',
  severity: 'LOW',
  resourceTypes: ['AWS::IAM::User'],
  wellArchitected: ['SEC02-BP06', 'SEC03-BP02'],
  rationale: {
    'SEC02-BP06': 'Users get permissions from groups or roles, not from policies attached to each user.',
    'SEC03-BP02':
      'Permissions attached to individual users drift from the role they need; groups keep them reviewable.',
  },
  references: { awsConfigRules: ['iam-user-no-policies-check'], securityHub: ['IAM.2'], cis: ['1.15'] },
  trigger: 'change',
  remediation: {
    text: 'Detach the policies from the user and grant the permissions through an IAM group the user belongs to, or through a role the user assumes.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
  },
  evaluate(item) {
    const user = item.config<IamUserConfiguration>();
    const name = iamName(item);
    const managed = policyNames(user.attachedManagedPolicies);
    const inline = policyNames(user.userPolicyList);
    if (managed.length === 0 && inline.length === 0) {
      return compliant(`IAM user ${name} has no policies attached directly.`);
    }
    const parts: string[] = [];
    if (managed.length > 0)
      parts.push(`${plural(managed.length, 'managed policy', 'managed policies')} (${shortList(managed, 3)})`);
    if (inline.length > 0)
      parts.push(`${plural(inline.length, 'inline policy', 'inline policies')} (${shortList(inline, 3)})`);
    return nonCompliant(`IAM user ${name} has ${parts.join(' and ')} attached directly.`);
  },
});
