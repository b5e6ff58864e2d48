import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import {
  describePermission,
  openSources,
  type PortRange,
  parsePortRange,
  permissionPorts,
  protocolOf,
  rangeCovered,
  type SecurityGroupConfiguration,
} from './security-group-rules.js';

const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** A managed-rule port list ("443,1020-1025"), kept as entered and validated. */
const portRanges = (defaultValue: readonly string[] = []) =>
  param.csv(defaultValue).check((ctx) => {
    for (const entry of ctx.value) {
      if (parsePortRange(entry) === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `"${entry}" is not a port or port range such as 443 or 1020-1025`,
        });
      }
    }
  });

/** Port lists parsed once per parameters object (the same for every group of a run). */
const parsed = new WeakMap<readonly string[], PortRange[]>();
function toRanges(entries: readonly string[]): PortRange[] {
  let ranges = parsed.get(entries);
  if (ranges === undefined) {
    ranges = entries.map((e) => parsePortRange(e)).filter((r) => r !== undefined);
    parsed.set(entries, ranges);
  }
  return ranges;
}

export const vpcSgOpenOnlyToAuthorizedPorts = defineControl({
  id: 'vpc-sg-open-only-to-authorized-ports',
  title: 'Security groups open to 0.0.0.0/0 or ::/0 allow only authorized TCP and UDP ports',
  description:
    'Checks whether security groups that allow inbound traffic from 0.0.0.0/0 or ::/0 open only the authorized TCP ports (default 443) and UDP ports (default none). Groups without such rules are not applicable.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  wellArchitected: ['SEC05-BP02'],
  rationale: {
    'SEC05-BP02': 'Traffic from anywhere is allowed only to the ports you authorized, such as 443.',
  },
  references: { awsConfigRules: ['vpc-sg-open-only-to-authorized-ports'], securityHub: ['EC2.18'] },
  trigger: 'change',
  parameters: z.strictObject({
    authorizedTcpPorts: portRanges(['443']),
    authorizedUdpPorts: portRanges(),
  }),
  remediation: {
    text: 'Restrict the source of rules on ports that need not be public to known addresses or security groups, or add the port to the authorized list if it must be open to the internet.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate(item, ctx) {
    const authorizedTcpPorts = toRanges(ctx.params.authorizedTcpPorts);
    const authorizedUdpPorts = toRanges(ctx.params.authorizedUdpPorts);
    const sg = item.config<SecurityGroupConfiguration>();
    let anyOpen = false;
    const unauthorized: string[] = [];
    for (const perm of sg.ipPermissions ?? []) {
      const sources = openSources(perm);
      if (sources.length === 0) continue;
      anyOpen = true;
      const protocol = protocolOf(perm);
      const ports = permissionPorts(perm);
      let allowed: boolean;
      if (protocol === 'all') {
        allowed = rangeCovered(ALL_PORTS, authorizedTcpPorts) && rangeCovered(ALL_PORTS, authorizedUdpPorts);
      } else if ((protocol === 'tcp' || protocol === 'udp') && ports !== undefined && ports !== 'all') {
        allowed = rangeCovered(ports, protocol === 'tcp' ? authorizedTcpPorts : authorizedUdpPorts);
      } else {
        continue; // ICMP and other protocols have no ports to authorize
      }
      if (!allowed) unauthorized.push(`${describePermission(perm)} to ${sources.join(' and ')}`);
    }
    if (!anyOpen) {
      return notApplicable(`Security group ${item.resourceId} allows no inbound traffic from 0.0.0.0/0 or ::/0.`);
    }
    if (unauthorized.length > 0) {
      return nonCompliant(
        `Security group ${item.resourceId} opens ports that are not authorized: ${unauthorized.join(', ')}.`,
      );
    }
    return compliant(`Security group ${item.resourceId} opens only authorized ports to 0.0.0.0/0 or ::/0.`);
  },
});
