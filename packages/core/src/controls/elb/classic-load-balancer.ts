import type { ConfigItem } from '../../ci/config-item.js';

export const CLASSIC_LOAD_BALANCER = 'AWS::ElasticLoadBalancing::LoadBalancer';

export interface ClassicListener {
  protocol?: string;
  loadBalancerPort?: number;
  instanceProtocol?: string;
  instancePort?: number;
  /** AWS Config spells it `sslcertificateId`. */
  sslcertificateId?: string;
}

/** `AWS::ElasticLoadBalancing::LoadBalancer` configuration as AWS Config records it. */
export interface ClassicLoadBalancerConfiguration {
  loadBalancerName: string;
  dnsname: string;
  scheme: string;
  vpcid: string;
  listenerDescriptions: { listener?: ClassicListener; policyNames?: string[] }[];
}

/** `supplementaryConfiguration.LoadBalancerAttributes` of a Classic Load Balancer. */
export interface ClassicLoadBalancerAttributes {
  accessLog?: { enabled?: boolean; s3BucketName?: string; s3BucketPrefix?: string; emitInterval?: number };
  crossZoneLoadBalancing?: { enabled?: boolean };
  connectionDraining?: { enabled?: boolean; timeout?: number };
}

export function classicName(item: ConfigItem): string {
  return item.resourceName ?? item.config<ClassicLoadBalancerConfiguration>().loadBalancerName ?? item.resourceId;
}

export function classicListeners(item: ConfigItem): ClassicListener[] {
  return (item.config<ClassicLoadBalancerConfiguration>().listenerDescriptions ?? [])
    .map((d) => d.listener)
    .filter((l): l is ClassicListener => l !== undefined);
}

/** Listener protocols that terminate TLS on the load balancer. */
export const SECURE_CLASSIC_PROTOCOLS = new Set(['HTTPS', 'SSL']);
