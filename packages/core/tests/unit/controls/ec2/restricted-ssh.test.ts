import { describe, expect, it } from 'vitest';
import { restrictedSsh as control } from '../../../../src/controls/ec2/restricted-ssh.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::SecurityGroup', 'restricted');

describe('restricted-ssh', () => {
  it('compliant: SSH only from a private range, HTTPS open', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.resourceArn).toBe('arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b2c3d4e5f60718');
  });

  it('non-compliant: port 22 open to 0.0.0.0/0', () => {
    const ci = happy();
    ci.configuration.ipPermissions[1].ipv4Ranges = [{ cidrIp: '0.0.0.0/0' }];
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Security group sg-0a1b2c3d4e5f60718 opens port 22 to 0.0.0.0/0.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: port 22 open to ::/0', () => {
    const ci = happy();
    ci.configuration.ipPermissions[1].ipv6Ranges = [{ cidrIpv6: '::/0' }];
    expect(verdict(control, ci).annotation).toBe('Security group sg-0a1b2c3d4e5f60718 opens port 22 to ::/0.');
  });

  it('non-compliant: a port range containing 22', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({
      fromPort: 0,
      toPort: 1024,
      ipProtocol: 'tcp',
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
    });
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: all protocols (-1) from anywhere', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] });
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('compliant: UDP 22 from anywhere is not SSH', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({
      fromPort: 22,
      toPort: 22,
      ipProtocol: 'udp',
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
    });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('not applicable: deleted security group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
