/** Security group ingress analysis shared by the network controls (restricted-ssh, restricted-common-ports, ...). */

export interface IpPermission {
  ipProtocol?: string;
  fromPort?: number | null;
  toPort?: number | null;
  ipRanges?: string[];
  ipv4Ranges?: { cidrIp?: string }[];
  ipv6Ranges?: { cidrIpv6?: string }[];
  prefixListIds?: { prefixListId?: string }[];
  userIdGroupPairs?: { groupId?: string }[];
}

export interface SecurityGroupConfiguration {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ipPermissions: IpPermission[];
  ipPermissionsEgress: IpPermission[];
}

export const OPEN_IPV4 = '0.0.0.0/0';
export const OPEN_IPV6 = '::/0';

/** Every protocol (`-1`), or TCP/UDP with a port range; ICMP rules have no ports. */
export function permissionPorts(p: IpPermission): { from: number; to: number } | 'all' | undefined {
  const protocol = String(p.ipProtocol ?? '-1').toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'all';
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== '6' && protocol !== '17') return undefined;
  const from = p.fromPort ?? -1;
  const to = p.toPort ?? -1;
  if (from === -1 || to === -1) return { from: 0, to: 65535 };
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Whether the rule is TCP (or all protocols); SSH, RDP and databases listen on TCP. */
export function isTcp(p: IpPermission): boolean {
  const protocol = String(p.ipProtocol ?? '-1').toLowerCase();
  return protocol === 'tcp' || protocol === '6' || protocol === '-1' || protocol === 'all';
}

/** The world-open sources (0.0.0.0/0, ::/0) of a rule. */
export function openSources(p: IpPermission): string[] {
  const sources = new Set<string>();
  for (const r of p.ipRanges ?? []) if (r === OPEN_IPV4) sources.add(OPEN_IPV4);
  for (const r of p.ipv4Ranges ?? []) if (r.cidrIp === OPEN_IPV4) sources.add(OPEN_IPV4);
  for (const r of p.ipv6Ranges ?? []) if (r.cidrIpv6 === OPEN_IPV6) sources.add(OPEN_IPV6);
  return [...sources];
}

export function coversPort(p: IpPermission, port: number): boolean {
  const ports = permissionPorts(p);
  if (ports === undefined) return false;
  return ports === 'all' || (ports.from <= port && port <= ports.to);
}

export function describePorts(p: IpPermission): string {
  const ports = permissionPorts(p);
  if (ports === 'all') return 'all ports';
  if (ports === undefined) return `protocol ${p.ipProtocol}`;
  return ports.from === ports.to ? `port ${ports.from}` : `ports ${ports.from}-${ports.to}`;
}

/** An inclusive port range. */
export interface PortRange {
  from: number;
  to: number;
}

const PORT_RANGE = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/;

/** `"443"` or `"1020-1025"` (the managed rules' notation), or undefined when it is not a valid range. */
export function parsePortRange(text: string): PortRange | undefined {
  const m = PORT_RANGE.exec(text.trim());
  if (m === null) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > 65535 || to > 65535 || from > to) return undefined;
  return { from, to };
}

/** Whether every port of `range` lies in one of `allowed` (ranges may overlap or touch). */
export function rangeCovered(range: PortRange, allowed: readonly PortRange[]): boolean {
  const sorted = [...allowed].sort((a, b) => a.from - b.from);
  let next = range.from;
  for (const a of sorted) {
    if (a.from > next) break;
    if (a.to >= next) next = a.to + 1;
    if (next > range.to) return true;
  }
  return next > range.to;
}

/** The rule's protocol as the network controls reason about it. */
export function protocolOf(p: IpPermission): 'all' | 'tcp' | 'udp' | 'other' {
  const protocol = String(p.ipProtocol ?? '-1').toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'all';
  if (protocol === 'tcp' || protocol === '6') return 'tcp';
  if (protocol === 'udp' || protocol === '17') return 'udp';
  return 'other';
}

/** `TCP port 22`, `UDP ports 500-600`, `all traffic`, `protocol icmp`. */
export function describePermission(p: IpPermission): string {
  const protocol = protocolOf(p);
  if (protocol === 'all') return 'all traffic';
  if (protocol === 'other') return `protocol ${p.ipProtocol}`;
  return `${protocol.toUpperCase()} ${describePorts(p)}`;
}
