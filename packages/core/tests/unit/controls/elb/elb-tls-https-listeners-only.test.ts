import { describe, expect, it } from 'vitest';
import { elbTlsHttpsListenersOnly as control } from '../../../../src/controls/elb/elb-tls-https-listeners-only.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ElasticLoadBalancing::LoadBalancer', 'https-acm');

describe('elb-tls-https-listeners-only', () => {
  it('compliant: a single HTTPS listener', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Classic Load Balancer legacy-web listens only with HTTPS or SSL.');
  });

  it('compliant: an SSL (TCP with TLS) listener', () => {
    const ci = happy();
    ci.configuration.listenerDescriptions[0].listener.protocol = 'SSL';
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: an additional HTTP listener', () => {
    const ci = happy();
    ci.configuration.listenerDescriptions.push({
      listener: { protocol: 'HTTP', loadBalancerPort: 80, instanceProtocol: 'HTTP', instancePort: 8080 },
      policyNames: [],
    });
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Classic Load Balancer legacy-web has listeners without TLS: HTTP on port 80.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: no listener', () => {
    const ci = happy();
    ci.configuration.listenerDescriptions = [];
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted load balancer', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
