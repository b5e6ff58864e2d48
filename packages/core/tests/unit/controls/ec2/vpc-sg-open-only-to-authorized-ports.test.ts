import { describe, expect, it } from 'vitest';
import { vpcSgOpenOnlyToAuthorizedPorts as control } from '../../../../src/controls/ec2/vpc-sg-open-only-to-authorized-ports.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::SecurityGroup', 'restricted');
const SG = 'sg-0a1b2c3d4e5f60718';
const open = (fromPort: number, toPort: number, ipProtocol = 'tcp') => ({
  fromPort,
  toPort,
  ipProtocol,
  ipv6Ranges: [],
  prefixListIds: [],
  userIdGroupPairs: [],
  ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
  ipRanges: ['0.0.0.0/0'],
});

describe('vpc-sg-open-only-to-authorized-ports', () => {
  it('compliant: only 443 open to the internet (the default authorized TCP port)', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Security group ${SG} opens only authorized ports to 0.0.0.0/0 or ::/0.`);
  });

  it('non-compliant: TCP 8080 open to 0.0.0.0/0', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(8080, 8080));
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Security group ${SG} opens ports that are not authorized: TCP port 8080 to 0.0.0.0/0.`);
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: UDP port open when no UDP port is authorized', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({
      ...open(500, 500, 'udp'),
      ipv4Ranges: [],
      ipRanges: [],
      ipv6Ranges: [{ cidrIpv6: '::/0' }],
    });
    expect(verdict(control, ci).annotation).toBe(
      `Security group ${SG} opens ports that are not authorized: UDP port 500 to ::/0.`,
    );
  });

  it('non-compliant: all traffic open to the internet', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] });
    expect(verdict(control, ci).annotation).toBe(
      `Security group ${SG} opens ports that are not authorized: all traffic to 0.0.0.0/0.`,
    );
  });

  it('non-compliant: a range only partly authorized', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(1020, 1030));
    const v = verdict(control, ci, { params: { authorizedTcpPorts: '443,1020-1025' } });
    expect(v.annotation).toBe(
      `Security group ${SG} opens ports that are not authorized: TCP ports 1020-1030 to 0.0.0.0/0.`,
    );
  });

  it('compliant with authorizedTcpPorts and authorizedUdpPorts ranges', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(1020, 1025), open(500, 500, 'udp'), open(4500, 4500, 'udp'));
    const params = { authorizedTcpPorts: '443,1020-1022,1023-1025', authorizedUdpPorts: '500, 4500' };
    expect(verdict(control, ci, { params }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with authorizedTcpPorts not listing 443', () => {
    const v = verdict(control, happy(), { params: { authorizedTcpPorts: '80' } });
    expect(v.annotation).toBe(
      `Security group ${SG} opens ports that are not authorized: TCP port 443 to 0.0.0.0/0 and ::/0.`,
    );
  });

  it('compliant: ICMP open to the internet has no ports to authorize', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(-1, -1, 'icmp'));
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('rejects a malformed port range', () => {
    expect(() => control.parseParameters({ authorizedTcpPorts: '443,2000-1000' })).toThrow(/authorizedTcpPorts/);
    expect(() => control.parseParameters({ authorizedUdpPorts: 'dns' })).toThrow(/authorizedUdpPorts/);
  });

  it('not applicable: no rule open to 0.0.0.0/0 or ::/0', () => {
    const ci = happy();
    ci.configuration.ipPermissions.splice(0, 1);
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Security group ${SG} allows no inbound traffic from 0.0.0.0/0 or ::/0.`);
  });

  it('not applicable: deleted security group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
