import type { ConfigItem } from '../../ci/config-item.js';
import type { EvaluationContext } from '../../model/control.js';

export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

/** `AWS::ElasticLoadBalancingV2::LoadBalancer` configuration as AWS Config records it. */
export interface LoadBalancerConfiguration {
  loadBalancerArn: string;
  loadBalancerName: string;
  type: 'application' | 'network' | 'gateway';
  scheme: 'internet-facing' | 'internal';
  dNSName: string;
  vpcId: string;
}

/** `supplementaryConfiguration.LoadBalancerAttributes`: DescribeLoadBalancerAttributes, values as strings. */
export interface LoadBalancerAttribute {
  key: string;
  value: string;
}

/** `AWS::ElasticLoadBalancingV2::Listener` configuration: AWS Config keeps the API's PascalCase here. */
export interface ListenerConfiguration {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: string;
  SslPolicy?: string;
  Certificates?: { CertificateArn?: string; IsDefault?: boolean }[];
  DefaultActions?: {
    Type?: string;
    Order?: number;
    TargetGroupArn?: string;
    RedirectConfig?: { Protocol?: string; Port?: string; Host?: string; StatusCode?: string };
  }[];
}

/** The load balancer's name for annotations. */
export function loadBalancerName(item: ConfigItem): string {
  return item.resourceName ?? item.config<LoadBalancerConfiguration>().loadBalancerName ?? item.resourceId;
}

/** The load balancer's type; AWS Config records `type` on every ELBv2 load balancer. */
export function loadBalancerType(item: ConfigItem): string | undefined {
  return item.config<LoadBalancerConfiguration>().type;
}

/**
 * The load balancer's attributes by key, or undefined when the item carries none (AWS Config
 * records them in `supplementaryConfiguration.LoadBalancerAttributes`).
 */
export function loadBalancerAttributes(item: ConfigItem): ReadonlyMap<string, string> | undefined {
  return item.derived('elbv2.attributes', (lb) => {
    const list = lb.supplementary<LoadBalancerAttribute[]>('LoadBalancerAttributes');
    if (!Array.isArray(list)) return undefined;
    return new Map(list.map((a) => [a.key, String(a.value)]));
  });
}

/** Listeners of a load balancer, from the AWS::ElasticLoadBalancingV2::Listener items of its account and region. */
export function listenersOf(item: ConfigItem, ctx: EvaluationContext<unknown>): ListenerConfiguration[] {
  const byLoadBalancer = ctx.memo('elbv2.listenersByLoadBalancer', () => {
    const out = new Map<string, ListenerConfiguration[]>();
    for (const l of ctx.items(LISTENER)) {
      if (l.deleted) continue;
      const listener = l.config<ListenerConfiguration>() as ListenerConfiguration;
      const arn = listener.LoadBalancerArn;
      if (arn === undefined) continue;
      const list = out.get(arn) ?? [];
      list.push({ ...listener, ListenerArn: listener.ListenerArn ?? l.resourceId });
      out.set(arn, list);
    }
    for (const list of out.values()) list.sort((a, b) => (a.Port ?? 0) - (b.Port ?? 0));
    return out;
  });
  const arn = item.config<LoadBalancerConfiguration>().loadBalancerArn ?? item.resourceId;
  return byLoadBalancer.get(arn) ?? [];
}

/** ACM certificate ARNs (IAM server certificates are `arn:aws:iam::…:server-certificate/…`). */
export function isAcmCertificate(arn: string | undefined): boolean {
  return arn !== undefined && /^arn:aws[a-z-]*:acm:/.test(arn);
}
