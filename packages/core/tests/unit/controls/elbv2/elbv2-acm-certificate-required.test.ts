import { describe, expect, it } from 'vitest';
import { elbv2AcmCertificateRequired as control } from '../../../../src/controls/elbv2/elbv2-acm-certificate-required.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const alb = () => fixture('AWS::ElasticLoadBalancingV2::LoadBalancer', 'internet-facing-alb');
const http = () => fixture('AWS::ElasticLoadBalancingV2::Listener', 'http-redirect');
const https = () => fixture('AWS::ElasticLoadBalancingV2::Listener', 'https-acm');
const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f60718';
const IAM_CERT = 'arn:aws:iam::123456789012:server-certificate/legacy-www';

describe('elbv2-acm-certificate-required', () => {
  it('compliant: the HTTPS listener uses an ACM certificate', () => {
    const v = verdict(control, alb(), { with: [http(), https()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Load balancer web-alb uses ACM certificates on its HTTPS and TLS listeners (443).');
  });

  it('compliant: Config API shape of all items', () => {
    expect(verdict(control, toApiShape(alb()), { with: [toApiShape(https())] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: an IAM server certificate', () => {
    const l = https();
    l.configuration.Certificates = [{ CertificateArn: IAM_CERT }];
    const v = verdict(control, alb(), { with: [l] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Load balancer web-alb: port 443 uses ${IAM_CERT}, not an ACM certificate.`);
  });

  it('non-compliant: an HTTPS listener without a certificate', () => {
    const l = https();
    l.configuration.Certificates = [];
    const v = verdict(control, alb(), { with: [l] });
    expect(v.annotation).toBe('Load balancer web-alb: port 443 has no certificate.');
  });

  it('non-compliant with AcmCertificatesAllowed: a certificate that is not listed', () => {
    const other = 'arn:aws:acm:eu-west-1:123456789012:certificate/00000000-1111-2222-3333-444444444444';
    const v = verdict(control, alb(), { with: [https()], params: { AcmCertificatesAllowed: other } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Load balancer web-alb: port 443 uses ${CERT}, not in AcmCertificatesAllowed.`);
  });

  it('compliant with AcmCertificatesAllowed: the listed certificate', () => {
    expect(verdict(control, alb(), { with: [https()], params: { AcmCertificatesAllowed: CERT } }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('compliant: a TLS listener of a Network Load Balancer', () => {
    const nlb = alb();
    nlb.configuration.type = 'network';
    const l = https();
    l.configuration.Protocol = 'TLS';
    expect(verdict(control, nlb, { with: [l] }).compliance).toBe('COMPLIANT');
  });

  it('not applicable: no HTTPS or TLS listener', () => {
    const v = verdict(control, alb(), { with: [http()] });
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('Load balancer web-alb has no HTTPS or TLS listener.');
  });

  it('not applicable: a Gateway Load Balancer', () => {
    const ci = alb();
    ci.configuration.type = 'gateway';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted load balancer', () => {
    const ci = alb();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [https()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
