import { describe, expect, it } from 'vitest';
import { iamUserGroupMembershipCheck as control } from '../../../../src/controls/iam/iam-user-group-membership-check.js';
import { toApiShape, verdict } from '../../../helpers.js';
import { user } from './iam-test-data.js';

describe('iam-user-group-membership-check', () => {
  it('compliant: a member of a group', () => {
    const v = verdict(control, user());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva is a member of developers.');
    expect(verdict(control, toApiShape(user())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: a member of no group', () => {
    const ci = user();
    ci.configuration.groupList = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva is not a member of any IAM group.');
  });

  it('non-compliant: no groupList recorded', () => {
    const ci = user();
    delete ci.configuration.groupList;
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('compliant with groupNames: a member of one of the listed groups', () => {
    const ci = user();
    ci.configuration.groupList = ['developers', 'on-call'];
    const v = verdict(control, ci, { params: { groupNames: 'operators, on-call' } });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('IAM user maria.silva is a member of the required group on-call.');
  });

  it('non-compliant with groupNames: a member of other groups only', () => {
    const v = verdict(control, user(), { params: { groupNames: 'operators,auditors' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'IAM user maria.silva is not a member of any of the required groups operators, auditors.',
    );
  });

  it('compliant with an empty groupNames: any group will do', () => {
    expect(verdict(control, user(), { params: { groupNames: ' , ' } }).compliance).toBe('COMPLIANT');
  });

  it('not applicable: deleted user', () => {
    const ci = user();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
