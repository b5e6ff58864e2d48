import { describe, expect, it } from 'vitest';
import { ec2SecurityGroupAttachedToEniPeriodic as control } from '../../../../src/controls/ec2/ec2-security-group-attached-to-eni-periodic.js';
import { ACCOUNT, fixture, REGION, run, toApiShape, verdict } from '../../../helpers.js';

const sg = () => fixture('AWS::EC2::SecurityGroup', 'restricted');
const eni = () => fixture('AWS::EC2::NetworkInterface', 'alb-node');
const SG = 'sg-0a1b2c3d4e5f60718';

describe('ec2-security-group-attached-to-eni-periodic', () => {
  it('compliant: a network interface uses the group', () => {
    const v = verdict(control, sg(), { with: [eni()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Security group ${SG} is attached to 1 network interface.`);
  });

  it('compliant: Config API shape of both items', () => {
    expect(verdict(control, toApiShape(sg()), { with: [toApiShape(eni())] }).compliance).toBe('COMPLIANT');
  });

  it('compliant: the relationship alone names the group', () => {
    const other = eni();
    other.configuration.groups = [];
    expect(verdict(control, sg(), { with: [other] }).compliance).toBe('COMPLIANT');
  });

  it('compliant: counts every interface that uses the group', () => {
    const second = eni();
    second.resourceId = 'eni-0b8c7d6e5f4a32109';
    second.ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:network-interface/eni-0b8c7d6e5f4a32109`;
    const v = verdict(control, sg(), { with: [eni(), second] });
    expect(v.annotation).toBe(`Security group ${SG} is attached to 2 network interfaces.`);
  });

  it('non-compliant: no network interface uses the group', () => {
    const v = verdict(control, sg());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Security group ${SG} is not attached to any network interface.`);
  });

  it('non-compliant: the interface uses another group', () => {
    const other = eni();
    other.configuration.groups = [{ groupName: 'other', groupId: 'sg-0ffffeeeeddddcccc' }];
    other.relationships = [];
    expect(verdict(control, sg(), { with: [other] }).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the interface was deleted', () => {
    const gone = eni();
    gone.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, sg(), { with: [gone] }).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: an interface in another region does not count', () => {
    const elsewhere = eni();
    elsewhere.awsRegion = 'eu-central-1';
    const { evaluations } = run(control, [sg(), elsewhere]);
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({ region: REGION, compliance: 'NON_COMPLIANT' });
  });

  it('not applicable: the default security group', () => {
    const v = verdict(control, fixture('AWS::EC2::SecurityGroup', 'default-closed'));
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Security group sg-0d4c3b2a1f0e9d8c7 is the default security group of its VPC.');
  });

  it('not applicable: a group owned by another account', () => {
    const ci = sg();
    ci.configuration.ownerId = '210987654321';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Security group ${SG} is owned by account 210987654321.`);
  });

  it('insufficient data: network interfaces could not be read', () => {
    const v = verdict(control, sg(), {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: REGION,
          service: 'ec2',
          operation: 'DescribeNetworkInterfaces',
          resourceTypes: ['AWS::EC2::NetworkInterface'],
          code: 'AccessDenied',
          message: 'denied',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: deleted security group', () => {
    const ci = sg();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [eni()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
