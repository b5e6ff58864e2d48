import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { OPEN_IPV4, OPEN_IPV6 } from './security-group-rules.js';

interface Route {
  destinationCidrBlock?: string;
  destinationIpv6CidrBlock?: string;
  gatewayId?: string;
  state?: string;
}

interface RouteTableConfiguration {
  routeTableId: string;
  vpcId: string;
  routes: Route[];
}

export const noUnrestrictedRouteToIgw = defineControl({
  id: 'no-unrestricted-route-to-igw',
  title: 'Route tables have no unrestricted routes (0.0.0.0/0 or ::/0) to an internet gateway',
  description:
    'Checks whether a route table sends 0.0.0.0/0 or ::/0 to an internet gateway. Route tables listed in routeTableIds (public subnets by design) may have such routes.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::RouteTable'],
  wellArchitected: ['SEC05-BP01'],
  rationale: {
    'SEC05-BP01':
      'Only designated public route tables send 0.0.0.0/0 or ::/0 to an internet gateway, keeping private layers private.',
  },
  references: { awsConfigRules: ['no-unrestricted-route-to-igw'] },
  trigger: 'change',
  parameters: z.strictObject({ routeTableIds: param.csv() }),
  remediation: {
    text: 'Route private subnets to the internet through a NAT gateway or a firewall endpoint, and keep default routes to an internet gateway only in the public route tables you list in routeTableIds.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html',
  },
  evaluate(item, ctx) {
    const table = item.config<RouteTableConfiguration>();
    const open: string[] = [];
    for (const route of table.routes ?? []) {
      if (!route.gatewayId?.startsWith('igw-') || route.state === 'blackhole') continue;
      if (route.destinationCidrBlock === OPEN_IPV4) open.push(`${OPEN_IPV4} via ${route.gatewayId}`);
      if (route.destinationIpv6CidrBlock === OPEN_IPV6) open.push(`${OPEN_IPV6} via ${route.gatewayId}`);
    }
    if (open.length === 0) {
      return compliant(`Route table ${item.resourceId} has no unrestricted route to an internet gateway.`);
    }
    if (ctx.params.routeTableIds.includes(item.resourceId)) {
      return compliant(
        `Route table ${item.resourceId} routes ${open.join(', ')}, allowed because it is listed in routeTableIds.`,
      );
    }
    return nonCompliant(`Route table ${item.resourceId} routes ${open.join(', ')} (an internet gateway).`);
  },
});
