import { describe, expect, it } from 'vitest';
import { elbLoggingEnabled as control } from '../../../../src/controls/elb/elb-logging-enabled.js';
import { fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const classic = () => fixture('AWS::ElasticLoadBalancing::LoadBalancer', 'https-acm');
const alb = () => fixture('AWS::ElasticLoadBalancingV2::LoadBalancer', 'internet-facing-alb');
const BUCKET = 'rampart-elb-logs-123456789012-eu-west-1';

const setAttribute = (ci: Json, key: string, value: string) => {
  ci.supplementaryConfiguration.LoadBalancerAttributes.find((a: Json) => a.key === key).value = value;
  return ci;
};

describe('elb-logging-enabled', () => {
  it('compliant: Application Load Balancer with access logs', () => {
    const v = verdict(control, alb());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Load balancer web-alb delivers access logs to bucket ${BUCKET}.`);
  });

  it('compliant: Classic Load Balancer with access logs', () => {
    const v = verdict(control, classic());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Load balancer legacy-web delivers access logs to bucket ${BUCKET}.`);
  });

  it('compliant: Config API shape of both types', () => {
    expect(verdict(control, toApiShape(alb())).compliance).toBe('COMPLIANT');
    expect(verdict(control, toApiShape(classic())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: Application Load Balancer without access logs', () => {
    const ci = setAttribute(alb(), 'access_logs.s3.enabled', 'false');
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Load balancer web-alb does not have access logging enabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: Classic Load Balancer without access logs', () => {
    const ci = classic();
    ci.supplementaryConfiguration.LoadBalancerAttributes.accessLog = { enabled: false };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Load balancer legacy-web does not have access logging enabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant with s3BucketNames: logs go to another bucket', () => {
    const v = verdict(control, alb(), { params: { s3BucketNames: 'central-elb-logs' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Load balancer web-alb delivers access logs to bucket ${BUCKET}, which is not in s3BucketNames.`,
    );
  });

  it('compliant with s3BucketNames: the bucket is listed', () => {
    expect(verdict(control, classic(), { params: { s3BucketNames: `central-elb-logs,${BUCKET}` } }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('insufficient data: the item holds no attributes', () => {
    const ci = classic();
    ci.supplementaryConfiguration = {};
    expect(verdict(control, ci).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: a Gateway Load Balancer', () => {
    const ci = alb();
    ci.configuration.type = 'gateway';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Load balancer web-alb is a Gateway Load Balancer, which has no access logs.');
  });

  it('not applicable: deleted load balancer', () => {
    const ci = classic();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
