import type { ConfigItem } from '../../ci/config-item.js';
import { ShieldSubscriptionFact } from '../../facts/index.js';
import {
  compliant,
  defineControl,
  insufficientData,
  nonCompliant,
  notApplicable,
  type Verdict,
} from '../../model/control.js';

const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const DISTRIBUTION = 'AWS::CloudFront::Distribution';
const ELASTIC_IP = 'AWS::EC2::EIP';

export const shieldAdvancedResourcesProtected = defineControl({
  id: 'shield-advanced-resources-protected',
  title: 'Internet-facing ALBs, CloudFront distributions and Elastic IPs are Shield Advanced protected resources',
  description:
    'Checks whether, in an account subscribed to Shield Advanced, each internet-facing Application Load Balancer, CloudFront distribution and Elastic IP is a protected resource (protections listed in the Rampart::Shield::Subscription fact).',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: [DISTRIBUTION, ELASTIC_IP, LOAD_BALANCER],
  wellArchitected: ['SEC05-BP04'],
  rationale: {
    'SEC05-BP04': 'Every internet-facing ALB, distribution and Elastic IP is covered by automatic DDoS mitigation.',
  },
  trigger: 'periodic',
  needs: [ShieldSubscriptionFact.type],
  remediation: {
    text: 'Add a Shield Advanced protection for the resource (the Rampart baseline Shield component protects the resources you list), with health-based detection where possible.',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/configure-new-protection.html',
  },
  evaluate(item, ctx) {
    const target = describe(item);
    if ('compliance' in target) return target;
    const shield = ctx.require(ShieldSubscriptionFact);
    if (shield.subscriptionState !== 'ACTIVE') {
      return notApplicable(`Account ${item.accountId} has no active Shield Advanced subscription.`);
    }
    if (shield.protections === null) {
      return insufficientData(`The Shield fact of account ${item.accountId} does not list protections.`);
    }
    const protections = shield.protections;
    const byArn = ctx.memo(
      'shield.protectionsByResource',
      () => new Map(protections.map((p) => [p.resourceArn, p] as const)),
    );
    const protection = byArn.get(target.arn);
    if (protection === undefined) return nonCompliant(`Shield Advanced does not protect ${target.label}.`);
    return compliant(`Shield Advanced protects ${target.label} (protection ${protection.name ?? protection.id}).`);
  },
});

/** The resource's ARN as Shield names it and a label for annotations, or why it is out of scope. */
function describe(item: ConfigItem): { arn: string; label: string } | Verdict {
  const partition = partitionOf(item);
  if (item.resourceType === LOAD_BALANCER) {
    const lb = item.config<{ loadBalancerArn: string; loadBalancerName: string; type: string; scheme: string }>();
    const name = item.resourceName ?? lb.loadBalancerName ?? item.resourceId;
    if (lb.type !== 'application' || lb.scheme !== 'internet-facing') {
      return notApplicable(`Load balancer ${name} is not an internet-facing Application Load Balancer.`);
    }
    return { arn: lb.loadBalancerArn ?? item.resourceId, label: `internet-facing load balancer ${name}` };
  }
  if (item.resourceType === DISTRIBUTION) {
    const arn =
      item.arn ??
      item.config<{ arn: string }>().arn ??
      `arn:${partition}:cloudfront::${item.accountId}:distribution/${item.resourceId}`;
    return { arn, label: `CloudFront distribution ${item.resourceId}` };
  }
  const eip = item.config<{ allocationId: string; publicIp: string }>();
  const allocation = eip.allocationId ?? item.resourceId;
  const arn =
    item.arn?.includes(':eip-allocation/') === true
      ? item.arn
      : `arn:${partition}:ec2:${item.region}:${item.accountId}:eip-allocation/${allocation}`;
  return { arn, label: `Elastic IP ${eip.publicIp ?? allocation} (${allocation})` };
}

function partitionOf(item: ConfigItem): string {
  const fromArn = item.arn?.split(':')[1];
  if (fromArn) return fromArn;
  if (item.region.startsWith('cn-')) return 'aws-cn';
  if (item.region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
