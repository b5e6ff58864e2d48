import { describe, expect, it } from 'vitest';
import { efsAccessPointEnforceUserIdentity as control } from '../../../../src/controls/efs/efs-access-point-enforce-user-identity.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EFS::AccessPoint', 'posix-user');

describe('efs-access-point-enforce-user-identity', () => {
  it('compliant: POSIX user enforced', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('EFS access point fsap-0f1e2d3c4b5a69788 enforces user id 1001 and group id 1001.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no POSIX user', () => {
    const ci = happy();
    delete ci.configuration.PosixUser;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('EFS access point fsap-0f1e2d3c4b5a69788 does not enforce a user identity.');
  });

  it('compliant with approvedUids and approvedGids: both approved', () => {
    const params = { approvedUids: '1000,1001', approvedGids: '1001' };
    expect(verdict(control, happy(), { params }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with approvedUids: user id not approved', () => {
    const v = verdict(control, happy(), { params: { approvedUids: '2000' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'EFS access point fsap-0f1e2d3c4b5a69788 enforces user id 1001, which is not in approvedUids.',
    );
  });

  it('non-compliant with approvedGids: group id not approved', () => {
    const v = verdict(control, happy(), { params: { approvedGids: '3000' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'EFS access point fsap-0f1e2d3c4b5a69788 enforces group id 1001, which is not in approvedGids.',
    );
  });

  it('not applicable: deleted access point', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
