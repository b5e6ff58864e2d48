import { describe, expect, it } from 'vitest';
import { ec2InstanceNoPublicIp as control } from '../../../../src/controls/ec2/ec2-instance-no-public-ip.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::Instance', 'private-imdsv2');
const INSTANCE = 'i-0a7b8c9d0e1f23456';

describe('ec2-instance-no-public-ip', () => {
  it('compliant: instance in a private subnet without a public IP', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} has no public IPv4 address.`);
  });

  it('non-compliant: instance with a public IPv4 address', () => {
    const ci = happy();
    ci.configuration.publicIpAddress = '34.251.17.88';
    ci.configuration.publicDnsName = 'ec2-34-251-17-88.eu-west-1.compute.amazonaws.com';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} has public IPv4 address 34.251.17.88.`);
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('compliant: empty publicIpAddress', () => {
    const ci = happy();
    ci.configuration.publicIpAddress = '';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('not applicable: terminated instance', () => {
    const ci = happy();
    ci.configuration.state = { code: 48, name: 'terminated' };
    ci.configuration.publicIpAddress = '34.251.17.88';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Instance ${INSTANCE} is terminated.`);
  });

  it('not applicable: deleted instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
