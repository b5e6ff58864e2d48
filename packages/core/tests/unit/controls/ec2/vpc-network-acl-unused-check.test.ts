import { describe, expect, it } from 'vitest';
import { vpcNetworkAclUnusedCheck as control } from '../../../../src/controls/ec2/vpc-network-acl-unused-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::NetworkAcl', 'private-subnets');
const ACL = 'acl-0c2d4e6f8a0b1c3d5';

describe('vpc-network-acl-unused-check', () => {
  it('compliant: associated with two subnets', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      `Network ACL ${ACL} is associated with subnets subnet-0a1f2e3d4c5b6a798, subnet-0b2a3f4e5d6c7b809.`,
    );
  });

  it('compliant: Config API shape', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no subnet association', () => {
    const ci = happy();
    ci.configuration.associations = [];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Network ACL ${ACL} is not associated with any subnet.`);
  });

  it('not applicable: deleted network ACL', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
