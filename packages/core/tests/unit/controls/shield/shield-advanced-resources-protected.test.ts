import { describe, expect, it } from 'vitest';
import { shieldAdvancedResourcesProtected as control } from '../../../../src/controls/shield/shield-advanced-resources-protected.js';
import { ShieldSubscriptionFact } from '../../../../src/index.js';
import { ACCOUNT, factItem, fixture, REGION, run, toApiShape, verdict } from '../../../helpers.js';

const alb = () => fixture('AWS::ElasticLoadBalancingV2::LoadBalancer', 'internet-facing-alb');
const distribution = () => fixture('AWS::CloudFront::Distribution', 'website');
const eip = () => fixture('AWS::EC2::EIP', 'nat-gateway');
const ALB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web-alb/50dc6c495c0c9188`;
const DIST = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`;
const EIP = `arn:aws:ec2:${REGION}:${ACCOUNT}:eip-allocation/eipalloc-0a1b2c3d4e5f60718`;

const shield = (protected_: string[] = [ALB, DIST, EIP], over: Record<string, unknown> = {}) =>
  factItem(ShieldSubscriptionFact, {
    subscriptionState: 'ACTIVE',
    subscription: { autoRenew: 'ENABLED' },
    drtAccess: null,
    protections: protected_.map((resourceArn, i) => ({ id: `prot-${i}`, name: `rampart-${i}`, resourceArn })),
    ...over,
  });

describe('shield-advanced-resources-protected', () => {
  it('compliant: the internet-facing ALB is protected', () => {
    const v = verdict(control, alb(), { with: [shield()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Shield Advanced protects internet-facing load balancer web-alb (protection rampart-0).');
  });

  it('compliant: CloudFront distribution and Elastic IP are protected', () => {
    const { evaluations } = run(control, [distribution(), eip(), shield()]);
    // Partitions come out in region order: eu-west-1, then global (CloudFront).
    expect(evaluations.map((e) => [e.resourceType, e.region, e.compliance])).toEqual([
      ['AWS::EC2::EIP', REGION, 'COMPLIANT'],
      ['AWS::CloudFront::Distribution', 'global', 'COMPLIANT'],
    ]);
  });

  it('compliant: Config API shape', () => {
    expect(verdict(control, toApiShape(eip()), { with: [shield()] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: the ALB has no protection', () => {
    const v = verdict(control, alb(), { with: [shield([DIST])] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Shield Advanced does not protect internet-facing load balancer web-alb.');
  });

  it('non-compliant: the distribution has no protection', () => {
    const v = verdict(control, distribution(), { with: [shield([ALB])] });
    expect(v.annotation).toBe('Shield Advanced does not protect CloudFront distribution E2QWRUHAPOMQZL.');
  });

  it('non-compliant: the Elastic IP has no protection', () => {
    const v = verdict(control, eip(), { with: [shield([ALB])] });
    expect(v.annotation).toBe('Shield Advanced does not protect Elastic IP 52.18.44.201 (eipalloc-0a1b2c3d4e5f60718).');
  });

  it('not applicable: an internal load balancer', () => {
    const ci = alb();
    ci.configuration.scheme = 'internal';
    const v = verdict(control, ci, { with: [shield([])] });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Load balancer web-alb is not an internet-facing Application Load Balancer.');
  });

  it('not applicable: no Shield Advanced subscription', () => {
    const v = verdict(control, alb(), {
      with: [shield([], { subscriptionState: 'INACTIVE', subscription: null, protections: null })],
    });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no active Shield Advanced subscription.`);
  });

  it('insufficient data: protections were not read', () => {
    const v = verdict(control, alb(), { with: [shield([], { protections: null })] });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(`The Shield fact of account ${ACCOUNT} does not list protections.`);
  });

  it('insufficient data: no Shield fact', () => {
    expect(verdict(control, alb()).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: deleted Elastic IP', () => {
    const ci = eip();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [shield()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
