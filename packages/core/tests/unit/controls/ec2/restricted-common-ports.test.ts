import { describe, expect, it } from 'vitest';
import { restrictedCommonPorts as control } from '../../../../src/controls/ec2/restricted-common-ports.js';
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

describe('restricted-common-ports', () => {
  it('compliant: only HTTPS is open to the internet', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Security group ${SG} does not open ports 20, 21, 3306, 3389, 4333 to the internet.`);
  });

  it('non-compliant: RDP (3389) open to 0.0.0.0/0', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(3389, 3389));
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Security group ${SG} opens port 3389 to 0.0.0.0/0.`);
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: MySQL (3306) open to ::/0', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({
      ...open(3306, 3306),
      ipv4Ranges: [],
      ipRanges: [],
      ipv6Ranges: [{ cidrIpv6: '::/0' }],
    });
    expect(verdict(control, ci).annotation).toBe(`Security group ${SG} opens port 3306 to ::/0.`);
  });

  it('non-compliant: a port range containing FTP (20-21)', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(0, 1024));
    expect(verdict(control, ci).annotation).toBe(
      `Security group ${SG} opens port 20 to 0.0.0.0/0, port 21 to 0.0.0.0/0.`,
    );
  });

  it('non-compliant: all protocols (-1) from anywhere', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] });
    expect(verdict(control, ci).annotation).toBe(
      `Security group ${SG} opens port 20 to 0.0.0.0/0, port 21 to 0.0.0.0/0, port 3306 to 0.0.0.0/0, port 3389 to 0.0.0.0/0, port 4333 to 0.0.0.0/0.`,
    );
  });

  it('compliant: RDP open only to a private range', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push({
      ...open(3389, 3389),
      ipv4Ranges: [{ cidrIp: '10.0.0.0/8' }],
      ipRanges: ['10.0.0.0/8'],
    });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('compliant: UDP 3389 from anywhere is not a TCP rule', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(3389, 3389, 'udp'));
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with blockedPorts: HTTPS is blocked too', () => {
    const v = verdict(control, happy(), { params: { blockedPorts: '443, 8080' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Security group ${SG} opens port 443 to 0.0.0.0/0 and ::/0.`);
  });

  it('compliant with blockedPort3 moved: 3389 no longer blocked', () => {
    const ci = happy();
    ci.configuration.ipPermissions.push(open(3389, 3389));
    expect(verdict(control, ci, { params: { blockedPort3: '5432' } }).compliance).toBe('COMPLIANT');
  });

  it('rejects a port outside 0-65535 and a non-numeric blockedPorts entry', () => {
    expect(() => control.parseParameters({ blockedPort1: '70000' })).toThrow(/blockedPort1/);
    expect(() => control.parseParameters({ blockedPorts: '22,ssh' })).toThrow(/blockedPorts/);
  });

  it('not applicable: deleted security group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
