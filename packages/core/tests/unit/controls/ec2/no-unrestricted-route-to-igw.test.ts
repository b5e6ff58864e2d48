import { describe, expect, it } from 'vitest';
import { noUnrestrictedRouteToIgw as control } from '../../../../src/controls/ec2/no-unrestricted-route-to-igw.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::RouteTable', 'private');
const RTB = 'rtb-0d3e5f7a9b1c2d4e6';
const IGW = 'igw-0e4f6a8b0c2d4e6f8';

const withIgwRoutes = () => {
  const ci = happy();
  ci.configuration.routes[1] = {
    destinationCidrBlock: '0.0.0.0/0',
    gatewayId: IGW,
    origin: 'CreateRoute',
    state: 'active',
  };
  return ci;
};

describe('no-unrestricted-route-to-igw', () => {
  it('compliant: default route through a NAT gateway', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Route table ${RTB} has no unrestricted route to an internet gateway.`);
  });

  it('compliant: Config API shape', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: 0.0.0.0/0 to an internet gateway', () => {
    const v = verdict(control, withIgwRoutes());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Route table ${RTB} routes 0.0.0.0/0 via ${IGW} (an internet gateway).`);
  });

  it('non-compliant: ::/0 to an internet gateway', () => {
    const ci = happy();
    ci.configuration.routes.push({ destinationIpv6CidrBlock: '::/0', gatewayId: IGW, state: 'active' });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Route table ${RTB} routes ::/0 via ${IGW} (an internet gateway).`);
  });

  it('compliant: a narrower route to an internet gateway', () => {
    const ci = withIgwRoutes();
    ci.configuration.routes[1].destinationCidrBlock = '203.0.113.0/24';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('compliant: a blackhole route to a deleted internet gateway', () => {
    const ci = withIgwRoutes();
    ci.configuration.routes[1].state = 'blackhole';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('compliant with routeTableIds: the table is an allowed public route table', () => {
    const v = verdict(control, withIgwRoutes(), { params: { routeTableIds: `rtb-0aaaabbbbccccdddd, ${RTB}` } });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      `Route table ${RTB} routes 0.0.0.0/0 via ${IGW}, allowed because it is listed in routeTableIds.`,
    );
  });

  it('non-compliant with routeTableIds: another table is allowed', () => {
    const v = verdict(control, withIgwRoutes(), { params: { routeTableIds: 'rtb-0aaaabbbbccccdddd' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted route table', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
