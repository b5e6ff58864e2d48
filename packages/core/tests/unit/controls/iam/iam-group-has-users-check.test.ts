import { describe, expect, it } from 'vitest';
import { iamGroupHasUsersCheck as control } from '../../../../src/controls/iam/iam-group-has-users-check.js';
import { ACCOUNT, run, toApiShape } from '../../../helpers.js';
import { group, otherUser, user } from './iam-test-data.js';

/** The verdict on the group, with these users in the snapshot. */
function groupVerdict(groupCi: unknown, users: unknown[], options: Parameters<typeof run>[2] = {}) {
  const { evaluations } = run(control, [groupCi, ...users], options);
  const found = evaluations.filter((e) => e.resourceType === 'AWS::IAM::Group');
  if (found.length !== 1) throw new Error(`expected one group verdict: ${JSON.stringify(evaluations)}`);
  return found[0]!;
}

describe('iam-group-has-users-check', () => {
  it('compliant: users list the group in their groupList', () => {
    const v = groupVerdict(group(), [user(), otherUser('li.wei', 'AIDAZ3MQK7XWR4C2VXP6H')]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceId: 'AGPAZ3MQK7XWT6P9RLC4M', region: 'global' });
    expect(v.annotation).toBe('IAM group developers has 2 users.');
  });

  it('compliant: items in the Config API shape', () => {
    expect(groupVerdict(toApiShape(group()), [toApiShape(user())]).annotation).toBe('IAM group developers has 1 user.');
  });

  it('non-compliant: no user is a member', () => {
    const v = groupVerdict(group(), [otherUser('li.wei', 'AIDAZ3MQK7XWR4C2VXP6H', { groupList: ['operators'] })]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('IAM group developers has no users.');
  });

  it('non-compliant: the only member was deleted', () => {
    const gone = user();
    gone.configurationItemStatus = 'ResourceDeleted';
    expect(groupVerdict(group(), [gone]).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: no IAM users at all', () => {
    expect(groupVerdict(group(), []).compliance).toBe('NON_COMPLIANT');
  });

  it('insufficient data: the IAM users could not be read', () => {
    const v = groupVerdict(group(), [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: 'global',
          service: 'config',
          operation: 'BatchGetResourceConfig',
          resourceTypes: ['AWS::IAM::User'],
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toContain('AWS::IAM::User could not be read');
  });

  it('not applicable: deleted group', () => {
    const ci = group();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(groupVerdict(ci, [user()]).compliance).toBe('NOT_APPLICABLE');
  });
});
