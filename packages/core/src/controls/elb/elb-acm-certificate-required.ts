import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { isAcmCertificate } from '../elbv2/load-balancer.js';
import {
  CLASSIC_LOAD_BALANCER,
  classicListeners,
  classicName,
  SECURE_CLASSIC_PROTOCOLS,
} from './classic-load-balancer.js';

export const elbAcmCertificateRequired = defineControl({
  id: 'elb-acm-certificate-required',
  title: 'Classic Load Balancers with HTTPS or SSL listeners use certificates from AWS Certificate Manager',
  description:
    'Checks whether the HTTPS and SSL listeners of a Classic Load Balancer use ACM certificates rather than IAM server certificates, so that certificates are renewed automatically.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: [CLASSIC_LOAD_BALANCER],
  wellArchitected: ['SEC09-BP01'],
  rationale: {
    'SEC09-BP01': 'ACM manages and renews the listener certificates instead of hand-uploaded IAM server certificates.',
  },
  references: { awsConfigRules: ['elb-acm-certificate-required'], securityHub: ['ELB.2'] },
  trigger: 'change',
  remediation: {
    text: 'Request or import the certificate in AWS Certificate Manager and replace the IAM server certificate on each HTTPS or SSL listener.',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-update-ssl-cert.html',
  },
  evaluate(item) {
    const name = classicName(item);
    const secure = classicListeners(item).filter((l) =>
      SECURE_CLASSIC_PROTOCOLS.has(String(l.protocol ?? '').toUpperCase()),
    );
    if (secure.length === 0) return notApplicable(`Classic Load Balancer ${name} has no HTTPS or SSL listener.`);
    const other = secure.filter((l) => !isAcmCertificate(l.sslcertificateId));
    if (other.length > 0) {
      const list = other
        .map((l) => `port ${l.loadBalancerPort ?? '?'} uses ${l.sslcertificateId ?? 'no certificate'}`)
        .join('; ');
      return nonCompliant(`Classic Load Balancer ${name} has listeners without an ACM certificate: ${list}.`);
    }
    return compliant(`Classic Load Balancer ${name} uses ACM certificates on its HTTPS and SSL listeners.`);
  },
});
