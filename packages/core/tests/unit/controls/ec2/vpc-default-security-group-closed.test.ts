import { describe, expect, it } from 'vitest';
import { vpcDefaultSecurityGroupClosed as control } from '../../../../src/controls/ec2/vpc-default-security-group-closed.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::SecurityGroup', 'default-closed');
const SG = 'sg-0d4c3b2a1f0e9d8c7';
const VPC = 'vpc-0f1e2d3c4b5a69788';

describe('vpc-default-security-group-closed', () => {
  it('compliant: default security group without rules', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Default security group ${SG} of ${VPC} has no inbound or outbound rules.`);
  });

  it('non-compliant: inbound rule from its own group (the rule AWS creates)', () => {
    const ci = happy();
    ci.configuration.ipPermissions = [
      {
        ipProtocol: '-1',
        ipv6Ranges: [],
        prefixListIds: [],
        userIdGroupPairs: [{ groupId: SG, userId: '123456789012' }],
        ipv4Ranges: [],
        ipRanges: [],
      },
    ];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Default security group ${SG} of ${VPC} has 1 inbound rule.`);
  });

  it('non-compliant: outbound rule to anywhere', () => {
    const ci = happy();
    ci.configuration.ipPermissionsEgress = [
      { ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipRanges: ['0.0.0.0/0'] },
      { ipProtocol: '-1', ipv6Ranges: [{ cidrIpv6: '::/0' }] },
    ];
    expect(verdict(control, ci).annotation).toBe(`Default security group ${SG} of ${VPC} has 2 outbound rules.`);
  });

  it('not applicable: a security group that is not a default group', () => {
    const v = verdict(control, fixture('AWS::EC2::SecurityGroup', 'restricted'));
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Security group sg-0a1b2c3d4e5f60718 is not a VPC default security group.');
  });

  it('not applicable: deleted security group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
