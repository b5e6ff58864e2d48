import * as z from 'zod';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { displayName, type FirewallConfiguration } from './network-firewall.js';

export const netfwMultiAzEnabled = defineControl({
  id: 'netfw-multi-az-enabled',
  title: 'Network Firewall firewalls are deployed across multiple Availability Zones',
  description:
    'Checks whether a Network Firewall firewall has endpoints in at least two Availability Zones (one subnet mapping per zone), or in at least availabilityZones zones when that parameter is set.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'Firewall endpoints in several zones keep inspection in place when one zone fails.',
  },
  references: { awsConfigRules: ['netfw-multi-az-enabled'] },
  trigger: 'change',
  parameters: z.strictObject({
    availabilityZones: z.coerce.number<unknown>().int().min(1).optional(),
  }),
  remediation: {
    text: 'Associate the firewall with a subnet in each Availability Zone your workloads use, and route each zone through its local firewall endpoint.',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-igw-ngw.html',
  },
  evaluate(item, ctx) {
    const fw = item.config<FirewallConfiguration>().firewall;
    const name = displayName(item, fw?.firewallName);
    // Network Firewall allows one subnet per Availability Zone, so subnet mappings count zones.
    const subnets = [...new Set((fw?.subnetMappings ?? []).map((m) => m.subnetId).filter((s) => s !== undefined))];
    const wanted = Math.max(2, ctx.params.availabilityZones ?? 2);
    const zones = `${subnets.length} Availability ${subnets.length === 1 ? 'Zone' : 'Zones'}`;
    const list = subnets.length > 0 ? ` (${subnets.join(', ')})` : '';
    if (subnets.length < wanted) {
      return nonCompliant(`Firewall ${name} is deployed in ${zones}${list}, fewer than ${wanted}.`);
    }
    return compliant(`Firewall ${name} is deployed in ${zones}${list}.`);
  },
});
