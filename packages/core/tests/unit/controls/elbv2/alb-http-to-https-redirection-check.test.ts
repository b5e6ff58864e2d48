import { describe, expect, it } from 'vitest';
import { albHttpToHttpsRedirectionCheck as control } from '../../../../src/controls/elbv2/alb-http-to-https-redirection-check.js';
import { ACCOUNT, fixture, REGION, toApiShape, verdict } from '../../../helpers.js';

const alb = () => fixture('AWS::ElasticLoadBalancingV2::LoadBalancer', 'internet-facing-alb');
const http = () => fixture('AWS::ElasticLoadBalancingV2::Listener', 'http-redirect');
const https = () => fixture('AWS::ElasticLoadBalancingV2::Listener', 'https-acm');

const forwarding = (port = 80) => {
  const l = http();
  l.resourceId = l.resourceId.replace('0467ef3c8400ae65', `0467ef3c8400ae${port}`);
  l.ARN = l.resourceId;
  l.configuration.ListenerArn = l.resourceId;
  l.configuration.Port = port;
  l.configuration.DefaultActions = [
    {
      Type: 'forward',
      Order: 1,
      TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09',
    },
  ];
  return l;
};

describe('alb-http-to-https-redirection-check', () => {
  it('compliant: the HTTP listener redirects to HTTPS', () => {
    const v = verdict(control, alb(), { with: [http(), https()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Application Load Balancer web-alb redirects every HTTP listener to HTTPS.');
  });

  it('compliant: Config API shape of all items', () => {
    expect(verdict(control, toApiShape(alb()), { with: [toApiShape(http()), toApiShape(https())] }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('compliant: HTTPS listener only', () => {
    const v = verdict(control, alb(), { with: [https()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Application Load Balancer web-alb has no HTTP listener.');
  });

  it('non-compliant: the HTTP listener forwards to targets', () => {
    const v = verdict(control, alb(), { with: [forwarding(), https()] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Application Load Balancer web-alb has an HTTP listener on port 80 that does not redirect to HTTPS.',
    );
  });

  it('non-compliant: the HTTP listener redirects to another HTTP port', () => {
    const l = http();
    l.configuration.DefaultActions[0].RedirectConfig.Protocol = 'HTTP';
    l.configuration.DefaultActions[0].RedirectConfig.Port = '8080';
    expect(verdict(control, alb(), { with: [l] }).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: several HTTP listeners without redirection', () => {
    const v = verdict(control, alb(), { with: [forwarding(80), forwarding(81), http()] });
    expect(v.annotation).toBe(
      'Application Load Balancer web-alb has HTTP listeners on ports 80, 81 that do not redirect to HTTPS.',
    );
  });

  it('compliant: a listener of another load balancer does not count', () => {
    const l = forwarding();
    l.configuration.LoadBalancerArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/other/1111111111111111`;
    expect(verdict(control, alb(), { with: [l, https()] }).compliance).toBe('COMPLIANT');
  });

  it('not applicable: a Network Load Balancer', () => {
    const ci = alb();
    ci.configuration.type = 'network';
    expect(verdict(control, ci, { with: [http()] }).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted load balancer', () => {
    const ci = alb();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [http()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
