import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { type IamUserConfiguration, iamName, shortList } from './iam-configuration.js';

export const iamUserGroupMembershipCheck = defineControl({
  id: 'iam-user-group-membership-check',
  title: 'IAM users are members of at least one IAM group',
  description:
    'Checks whether an IAM user is a member of at least one IAM group (groupList). With groupNames, the user must be a member of at least one of the groups listed.',
  area: 'iam',
  severity: 'LOW',
  resourceTypes: ['AWS::IAM::User'],
  wellArchitected: ['SEC02-BP06'],
  rationale: {
    'SEC02-BP06': 'Users get permissions through group membership rather than one by one.',
  },
  references: { awsConfigRules: ['iam-user-group-membership-check'] },
  trigger: 'change',
  parameters: z.strictObject({ groupNames: param.csv() }),
  remediation: {
    text: 'Add the user to the IAM group that carries the permissions for their job function, or remove the user if it is no longer needed.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html',
  },
  evaluate(item, ctx) {
    const name = iamName(item);
    const groups = item.config<IamUserConfiguration>().groupList ?? [];
    const required = ctx.params.groupNames;
    if (required.length === 0) {
      if (groups.length === 0) return nonCompliant(`IAM user ${name} is not a member of any IAM group.`);
      return compliant(`IAM user ${name} is a member of ${shortList(groups)}.`);
    }
    const member = groups.filter((g) => required.includes(g));
    if (member.length === 0) {
      return nonCompliant(`IAM user ${name} is not a member of any of the required groups ${shortList(required)}.`);
    }
    return compliant(`IAM user ${name} is a member of the required group ${shortList(member)}.`);
  },
});
