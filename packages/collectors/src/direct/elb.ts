import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingClient,
  type LoadBalancerDescription,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import { configObject, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';

/**
 * AWS Config spells a few Classic Load Balancer fields with Java bean names rather than camelCase:
 * `dnsname`, `vpcid`, `sslcertificateId`, `lbcookieStickinessPolicies`.
 */
const CLASSIC_NAMES: Readonly<Record<string, string>> = {
  dNSName: 'dnsname',
  vPCId: 'vpcid',
  sSLCertificateId: 'sslcertificateId',
  lBCookieStickinessPolicies: 'lbcookieStickinessPolicies',
};

export function classicShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(classicShape);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[CLASSIC_NAMES[k] ?? k] = classicShape(v);
    return out;
  }
  return value;
}

async function classicItem(
  ctx: ReaderContext,
  elb: ElasticLoadBalancingClient,
  lb: LoadBalancerDescription,
  tags: readonly { Key?: string; Value?: string }[],
): Promise<void> {
  const LoadBalancerName = lb.LoadBalancerName!;
  const [attributes, policies] = await Promise.all([
    elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName })),
    elb.send(new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName })),
  ]);
  ctx.item({
    resourceType: CLASSIC,
    resourceId: LoadBalancerName,
    arn: `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/${LoadBalancerName}`,
    tags: tagMap(tags),
    configuration: classicShape(configObject(lb)) as Record<string, unknown>,
    supplementaryConfiguration: {
      LoadBalancerAttributes: configObject(attributes.LoadBalancerAttributes),
      LoadBalancerPolicies: (policies.PolicyDescriptions ?? []).map((p) => configObject(p)),
      Tags: tags.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    },
    relationships: [
      ...(lb.Instances ?? [])
        .filter((i) => i.InstanceId !== undefined)
        .map((i) => ({
          resourceType: 'AWS::EC2::Instance',
          resourceId: i.InstanceId!,
          name: 'Is associated with Instance',
        })),
      ...(lb.SecurityGroups ?? []).map((id) => ({
        resourceType: 'AWS::EC2::SecurityGroup',
        resourceId: id,
        name: 'Is associated with SecurityGroup',
      })),
      ...(lb.Subnets ?? []).map((id) => ({
        resourceType: 'AWS::EC2::Subnet',
        resourceId: id,
        name: 'Is attached to Subnet',
      })),
      ...(lb.VPCId ? [{ resourceType: 'AWS::EC2::VPC', resourceId: lb.VPCId, name: 'Is contained in Vpc' }] : []),
    ],
  });
}

/** Classic Load Balancers (resource id: the name) with attributes, policies and tags in `supplementaryConfiguration`. */
export const elbReader: ServiceReader = {
  service: 'elastic-load-balancing',
  scope: 'regional',
  resourceTypes: [CLASSIC],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(CLASSIC)) return;
    const elb = ctx.clients.get(ElasticLoadBalancingClient, 'elastic-load-balancing', ctx.region);
    await ctx.attempt('DescribeLoadBalancers', [CLASSIC], async () => {
      const balancers: LoadBalancerDescription[] = [];
      for await (const page of paginateDescribeLoadBalancers({ client: elb }, {})) {
        balancers.push(...(page.LoadBalancerDescriptions ?? []));
      }
      const tags = new Map<string, { Key?: string; Value?: string }[]>();
      const names = balancers.map((b) => b.LoadBalancerName!);
      // DescribeTags takes at most 20 names.
      for (let i = 0; i < names.length; i += 20) {
        const out = await elb.send(new DescribeTagsCommand({ LoadBalancerNames: names.slice(i, i + 20) }));
        for (const d of out.TagDescriptions ?? []) tags.set(d.LoadBalancerName!, d.Tags ?? []);
      }
      await ctx.limiter.map(balancers, async (lb) => {
        try {
          await classicItem(ctx, elb, lb, tags.get(lb.LoadBalancerName!) ?? []);
        } catch (error) {
          ctx.fail(
            'DescribeLoadBalancerAttributes',
            [CLASSIC],
            error,
            undefined,
            `load balancer ${lb.LoadBalancerName}`,
          );
        }
      });
    });
  },
};
