import {
  DescribeLoadBalancerAttributesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { configObject, plainShape, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

async function tagsOf(elb: ElasticLoadBalancingV2Client, arns: readonly string[]) {
  const out = new Map<string, { Key?: string; Value?: string }[]>();
  // DescribeTags takes at most 20 ARNs.
  for (let i = 0; i < arns.length; i += 20) {
    const page = await elb.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + 20) }));
    for (const d of page.TagDescriptions ?? []) out.set(d.ResourceArn!, d.Tags ?? []);
  }
  return out;
}

async function loadBalancerItem(
  ctx: ReaderContext,
  elb: ElasticLoadBalancingV2Client,
  lb: LoadBalancer,
  tags: readonly { Key?: string; Value?: string }[],
): Promise<void> {
  const LoadBalancerArn = lb.LoadBalancerArn!;
  const attributes = (await elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn }))).Attributes ?? [];
  ctx.item({
    resourceType: LOAD_BALANCER,
    resourceId: LoadBalancerArn,
    resourceName: lb.LoadBalancerName,
    arn: LoadBalancerArn,
    tags: tagMap(tags),
    configuration: configObject(lb),
    supplementaryConfiguration: {
      LoadBalancerAttributes: attributes.map((a) => ({ key: a.Key ?? '', value: a.Value ?? '' })),
      Tags: tags.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    },
    relationships: [
      ...(lb.SecurityGroups ?? []).map((id) => ({
        resourceType: 'AWS::EC2::SecurityGroup',
        resourceId: id,
        name: 'Is associated with SecurityGroup',
      })),
      ...(lb.AvailabilityZones ?? [])
        .filter((z) => z.SubnetId !== undefined)
        .map((z) => ({ resourceType: 'AWS::EC2::Subnet', resourceId: z.SubnetId!, name: 'Is attached to Subnet' })),
      ...(lb.VpcId ? [{ resourceType: 'AWS::EC2::VPC', resourceId: lb.VpcId, name: 'Is contained in Vpc' }] : []),
    ],
  });
}

/**
 * Application, Network and Gateway Load Balancers (resource id: the ARN; attributes as
 * `supplementaryConfiguration.LoadBalancerAttributes`) and their listeners, which AWS Config records
 * with the API's PascalCase names.
 */
export const elbv2Reader: ServiceReader = {
  service: 'elastic-load-balancing-v2',
  scope: 'regional',
  resourceTypes: [LOAD_BALANCER, LISTENER],
  factTypes: [],
  async read(ctx) {
    const wantLb = ctx.wants(LOAD_BALANCER);
    const wantListener = ctx.wants(LISTENER);
    if (!wantLb && !wantListener) return;
    const elb = ctx.clients.get(ElasticLoadBalancingV2Client, 'elastic-load-balancing-v2', ctx.region);
    const types = [...(wantLb ? [LOAD_BALANCER] : []), ...(wantListener ? [LISTENER] : [])];
    const balancers = await ctx.attempt('DescribeLoadBalancers', types, async () => {
      const out: LoadBalancer[] = [];
      for await (const page of paginateDescribeLoadBalancers({ client: elb }, {}))
        out.push(...(page.LoadBalancers ?? []));
      return out;
    });
    if (balancers === undefined) return;
    const reads: Promise<unknown>[] = [];
    if (wantLb) {
      reads.push(
        ctx.attempt('DescribeTags', [LOAD_BALANCER], async () => {
          const tags = await tagsOf(
            elb,
            balancers.map((b) => b.LoadBalancerArn!),
          );
          await ctx.limiter.map(balancers, async (lb) => {
            try {
              await loadBalancerItem(ctx, elb, lb, tags.get(lb.LoadBalancerArn!) ?? []);
            } catch (error) {
              ctx.fail('DescribeLoadBalancerAttributes', [LOAD_BALANCER], error, undefined, lb.LoadBalancerArn);
            }
          });
        }),
      );
    }
    if (wantListener) {
      reads.push(
        ctx.limiter.map(balancers, async (lb) => {
          const LoadBalancerArn = lb.LoadBalancerArn!;
          try {
            for await (const page of paginateDescribeListeners({ client: elb }, { LoadBalancerArn })) {
              for (const l of page.Listeners ?? []) {
                const configuration = plainShape(l) as Record<string, unknown>;
                configuration['Certificates'] ??= [];
                ctx.item({
                  resourceType: LISTENER,
                  resourceId: l.ListenerArn!,
                  arn: l.ListenerArn,
                  configuration,
                  relationships: [
                    { resourceType: LOAD_BALANCER, resourceId: LoadBalancerArn, name: 'Is attached to LoadBalancer' },
                  ],
                });
              }
            }
          } catch (error) {
            ctx.fail('DescribeListeners', [LISTENER], error, undefined, LoadBalancerArn);
          }
        }),
      );
    }
    await Promise.all(reads);
  },
};
