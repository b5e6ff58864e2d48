import { describe, expect, it } from 'vitest';
import { albHttpDropInvalidHeaderEnabled as control } from '../../../../src/controls/elbv2/alb-http-drop-invalid-header-enabled.js';
import { fixture, type Json, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ElasticLoadBalancingV2::LoadBalancer', 'internet-facing-alb');
const KEY = 'routing.http.drop_invalid_header_fields.enabled';

const setAttribute = (ci: Json, value: string) => {
  const attr = ci.supplementaryConfiguration.LoadBalancerAttributes.find((a: Json) => a.key === KEY);
  attr.value = value;
  return ci;
};

describe('alb-http-drop-invalid-header-enabled', () => {
  it('compliant: invalid header fields are dropped', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Application Load Balancer web-alb drops invalid HTTP header fields.');
  });

  it('compliant: Config API shape (attributes as a JSON string)', () => {
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: the attribute is false', () => {
    const ci = setAttribute(happy(), 'false');
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Application Load Balancer web-alb does not drop invalid HTTP header fields.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the attribute is absent (defaults to false)', () => {
    const ci = happy();
    ci.supplementaryConfiguration.LoadBalancerAttributes = ci.supplementaryConfiguration.LoadBalancerAttributes.filter(
      (a: Json) => a.key !== KEY,
    );
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('insufficient data: the item holds no attributes', () => {
    const ci = happy();
    delete ci.supplementaryConfiguration.LoadBalancerAttributes;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe('The configuration item of load balancer web-alb holds no LoadBalancerAttributes.');
  });

  it('not applicable: a Network Load Balancer', () => {
    const ci = happy();
    ci.configuration.type = 'network';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Load balancer web-alb is not an Application Load Balancer (type network).');
  });

  it('not applicable: deleted load balancer', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
