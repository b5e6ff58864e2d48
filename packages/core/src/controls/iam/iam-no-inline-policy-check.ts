import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import {
  type IamGroupConfiguration,
  type IamRoleConfiguration,
  type IamUserConfiguration,
  type InlinePolicy,
  iamName,
  isServiceLinkedRole,
  plural,
  policyNames,
  shortList,
} from './iam-configuration.js';

/** What an identity is called in annotations, and its inline policies. */
function identity(item: ConfigItem): { label: string; inline: readonly InlinePolicy[] | null | undefined } {
  switch (item.resourceType) {
    case 'AWS::IAM::User':
      return { label: 'IAM user', inline: item.config<IamUserConfiguration>().userPolicyList };
    case 'AWS::IAM::Role':
      return { label: 'IAM role', inline: item.config<IamRoleConfiguration>().rolePolicyList };
    default:
      return { label: 'IAM group', inline: item.config<IamGroupConfiguration>().groupPolicyList };
  }
}

export const iamNoInlinePolicyCheck = defineControl({
  id: 'iam-no-inline-policy-check',
  title: 'IAM users, roles and groups have no inline policies',
  description:
    'Checks whether an IAM user, role or group has inline policies (userPolicyList, rolePolicyList, groupPolicyList). Service-linked roles are not evaluated: the AWS service owns their policies.',
  area: 'iam',
  severity: 'LOW',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group'],
  wellArchitected: ['SEC03-BP02'],
  rationale: {
    'SEC03-BP02':
      'Managed policies can be reviewed, versioned and reused; inline policies hide permissions on each identity.',
  },
  references: { awsConfigRules: ['iam-no-inline-policy-check'] },
  trigger: 'change',
  remediation: {
    text: 'Move the permissions of inline policies into customer managed policies, attach those, and delete the inline policies.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
  },
  evaluate(item) {
    const name = iamName(item);
    if (item.resourceType === 'AWS::IAM::Role' && isServiceLinkedRole(item.config<IamRoleConfiguration>())) {
      return notApplicable(`IAM role ${name} is a service-linked role; its service owns its policies.`);
    }
    const { label, inline } = identity(item);
    const names = policyNames(inline);
    if (names.length > 0) {
      return nonCompliant(
        `${label} ${name} has ${plural(names.length, 'inline policy', 'inline policies')}: ${shortList(names)}.`,
      );
    }
    return compliant(`${label} ${name} has no inline policies.`);
  },
});
