import { describe, expect, it } from 'vitest';
import { ec2InstanceMultipleEniCheck as control } from '../../../../src/controls/ec2/ec2-instance-multiple-eni-check.js';
import { fixture, type Json, verdict } from '../../../helpers.js';

const INSTANCE = 'i-0a7b8c9d0e1f23456';
const happy = () => fixture('AWS::EC2::Instance', 'private-imdsv2');
const twoEnis = () => {
  const ci = happy();
  const second: Json = structuredClone(ci.configuration.networkInterfaces[0]);
  second.networkInterfaceId = 'eni-0123456789abcdef0';
  second.attachment.deviceIndex = 1;
  ci.configuration.networkInterfaces.push(second);
  return ci;
};

describe('ec2-instance-multiple-eni-check', () => {
  it('compliant: one network interface', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} has 1 network interface attached.`);
  });

  it('non-compliant: two network interfaces', () => {
    const v = verdict(control, twoEnis());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Instance ${INSTANCE} has 2 network interfaces attached (eni-0f9e8d7c6b5a4f3e2, eni-0123456789abcdef0).`,
    );
  });

  it('compliant with NetworkInterfaceIds: the second interface is allowed', () => {
    const v = verdict(control, twoEnis(), { params: { NetworkInterfaceIds: 'eni-0123456789abcdef0' } });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      `Instance ${INSTANCE} has 2 network interfaces attached, 1 of them allowed by NetworkInterfaceIds.`,
    );
  });

  it('not applicable: deleted instance', () => {
    const ci = twoEnis();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
