import { describe, expect, it } from 'vitest';
import { ec2InstanceProfileAttached as control } from '../../../../src/controls/ec2/ec2-instance-profile-attached.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::Instance', 'private-imdsv2');
const INSTANCE = 'i-0a7b8c9d0e1f23456';
const PROFILE = 'arn:aws:iam::123456789012:instance-profile/app-1';

describe('ec2-instance-profile-attached', () => {
  it('compliant: an instance profile is attached', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} has instance profile ${PROFILE}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no instance profile', () => {
    const ci = happy();
    ci.configuration.iamInstanceProfile = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} has no IAM instance profile attached.`);
  });

  it('compliant with IamInstanceProfileArnList: the profile is listed', () => {
    const v = verdict(control, happy(), {
      params: { IamInstanceProfileArnList: `arn:aws:iam::123456789012:instance-profile/web, ${PROFILE}` },
    });
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('non-compliant with IamInstanceProfileArnList: the profile is not listed', () => {
    const v = verdict(control, happy(), {
      params: { IamInstanceProfileArnList: 'arn:aws:iam::123456789012:instance-profile/web' },
    });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Instance ${INSTANCE} has instance profile ${PROFILE}, which is not in IamInstanceProfileArnList.`,
    );
  });

  it('not applicable: terminated instance', () => {
    const ci = happy();
    ci.configuration.state = { code: 48, name: 'terminated' };
    ci.configuration.iamInstanceProfile = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
