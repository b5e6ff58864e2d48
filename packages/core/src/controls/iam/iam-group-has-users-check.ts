import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { GLOBAL_REGION } from '../../model/types.js';
import { IAM_USER_TYPE, type IamUserConfiguration, iamName, plural } from './iam-configuration.js';

export const iamGroupHasUsersCheck = defineControl({
  id: 'iam-group-has-users-check',
  title: 'IAM groups have at least one user',
  description:
    "Checks whether an IAM group has at least one IAM user. AWS Config does not record group membership on the group, so members are found through the users' groupList.",
  area: 'iam',
  severity: 'LOW',
  resourceTypes: ['AWS::IAM::Group'],
  wellArchitected: ['SEC02-BP06'],
  rationale: {
    'SEC02-BP06': 'Empty groups are unused permission sets; groups in use are how permissions reach users.',
  },
  references: { awsConfigRules: ['iam-group-has-users-check'] },
  trigger: 'periodic',
  needs: [IAM_USER_TYPE],
  remediation: {
    text: 'Add the users who need the permissions to the group, or delete the group if it is no longer used.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html',
  },
  evaluate(item, ctx) {
    const name = iamName(item);
    const members =
      ctx
        .memo('iam.usersPerGroup', () => usersPerGroup(ctx.items(IAM_USER_TYPE, { region: GLOBAL_REGION })))
        .get(name) ?? 0;
    if (members === 0) return nonCompliant(`IAM group ${name} has no users.`);
    return compliant(`IAM group ${name} has ${plural(members, 'user')}.`);
  },
});

/** Live users per group name, from each user's groupList (built once per account). */
function usersPerGroup(users: readonly ConfigItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of users) {
    if (u.deleted) continue;
    for (const group of new Set(u.config<IamUserConfiguration>().groupList ?? []))
      counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}
