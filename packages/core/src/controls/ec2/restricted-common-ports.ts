import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { coversPort, isTcp, openSources, type SecurityGroupConfiguration } from './security-group-rules.js';

const port = (defaultValue: number) => param.int(defaultValue, { min: 0, max: 65535 });

const parameters = z.strictObject({
  blockedPort1: port(20),
  blockedPort2: port(21),
  blockedPort3: port(3389),
  blockedPort4: port(3306),
  blockedPort5: port(4333),
  blockedPorts: param.csv().pipe(z.array(z.coerce.number<string>().int().min(0).max(65535))),
});
type Params = z.infer<typeof parameters>;

const portsOf = new WeakMap<Params, number[]>();

/** The blocked ports of a run's parameters, sorted, once per run (not once per security group). */
function blockedPorts(p: Params): number[] {
  let ports = portsOf.get(p);
  if (ports === undefined) {
    ports = [
      ...new Set([p.blockedPort1, p.blockedPort2, p.blockedPort3, p.blockedPort4, p.blockedPort5, ...p.blockedPorts]),
    ].sort((a, b) => a - b);
    portsOf.set(p, ports);
  }
  return ports;
}

export const restrictedCommonPorts = defineControl({
  id: 'restricted-common-ports',
  title: 'Security groups do not allow unrestricted incoming TCP traffic to high-risk ports',
  description:
    'Checks whether security groups allow incoming TCP traffic from 0.0.0.0/0 or ::/0 to the blocked ports (by default 20, 21, 3389, 3306 and 4333), including rules for all protocols and port ranges that contain them.',
  area: 'infrastructure',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  wellArchitected: ['SEC05-BP02'],
  rationale: {
    'SEC05-BP02': 'Security groups do not open high-risk ports such as RDP and databases to the whole internet.',
  },
  references: { awsConfigRules: ['restricted-common-ports'], securityHub: ['EC2.19'] },
  trigger: 'change',
  parameters,
  remediation: {
    text: 'Remove ingress rules that open the blocked ports to 0.0.0.0/0 or ::/0; restrict the source to known addresses or security groups, or reach the hosts through Systems Manager.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate(item, ctx) {
    const blocked = blockedPorts(ctx.params);
    const sg = item.config<SecurityGroupConfiguration>();
    // Each rule once: the blocked ports it covers, then (only then: at preview a source may be
    // unknown) its open sources.
    const byPort = new Map<number, Set<string>>();
    for (const perm of sg.ipPermissions ?? []) {
      if (!isTcp(perm)) continue;
      const covered = blocked.filter((port) => coversPort(perm, port));
      if (covered.length === 0) continue;
      const sources = openSources(perm);
      for (const port of covered) {
        let set = byPort.get(port);
        if (set === undefined) {
          set = new Set();
          byPort.set(port, set);
        }
        for (const source of sources) set.add(source);
      }
    }
    const open: string[] = [];
    for (const port of blocked) {
      const sources = byPort.get(port);
      if (sources !== undefined && sources.size > 0) open.push(`port ${port} to ${[...sources].join(' and ')}`);
    }
    if (open.length > 0) return nonCompliant(`Security group ${item.resourceId} opens ${open.join(', ')}.`);
    return compliant(`Security group ${item.resourceId} does not open ports ${blocked.join(', ')} to the internet.`);
  },
});
