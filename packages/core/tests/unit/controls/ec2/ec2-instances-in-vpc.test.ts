import { describe, expect, it } from 'vitest';
import { ec2InstancesInVpc as control } from '../../../../src/controls/ec2/ec2-instances-in-vpc.js';
import { fixture, verdict } from '../../../helpers.js';

const INSTANCE = 'i-0a7b8c9d0e1f23456';
const VPC = 'vpc-0f1e2d3c4b5a69788';
const happy = () => fixture('AWS::EC2::Instance', 'private-imdsv2');

describe('ec2-instances-in-vpc', () => {
  it('compliant: the instance is in a VPC', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} is in ${VPC}.`);
  });

  it('non-compliant: no VPC (EC2-Classic)', () => {
    const ci = happy();
    ci.configuration.vpcId = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} is not in a VPC.`);
  });

  it('compliant with vpcId: the required VPC', () => {
    expect(verdict(control, happy(), { params: { vpcId: VPC } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with vpcId: another VPC', () => {
    const v = verdict(control, happy(), { params: { vpcId: 'vpc-0aaaabbbbccccdddd' } });
    expect(v.annotation).toBe(`Instance ${INSTANCE} is in ${VPC}, not in the required VPC vpc-0aaaabbbbccccdddd.`);
  });

  it('not applicable: deleted instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
