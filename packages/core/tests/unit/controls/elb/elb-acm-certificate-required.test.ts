import { describe, expect, it } from 'vitest';
import { elbAcmCertificateRequired as control } from '../../../../src/controls/elb/elb-acm-certificate-required.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ElasticLoadBalancing::LoadBalancer', 'https-acm');
const IAM_CERT = 'arn:aws:iam::123456789012:server-certificate/legacy-www';

describe('elb-acm-certificate-required', () => {
  it('compliant: the HTTPS listener uses an ACM certificate', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Classic Load Balancer legacy-web uses ACM certificates on its HTTPS and SSL listeners.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: an IAM server certificate', () => {
    const ci = happy();
    ci.configuration.listenerDescriptions[0].listener.sslcertificateId = IAM_CERT;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Classic Load Balancer legacy-web has listeners without an ACM certificate: port 443 uses ${IAM_CERT}.`,
    );
  });

  it('not applicable: HTTP listeners only', () => {
    const ci = happy();
    ci.configuration.listenerDescriptions[0].listener = {
      protocol: 'HTTP',
      loadBalancerPort: 80,
      instanceProtocol: 'HTTP',
      instancePort: 8080,
    };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Classic Load Balancer legacy-web has no HTTPS or SSL listener.');
  });

  it('not applicable: deleted load balancer', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
