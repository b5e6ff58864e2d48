import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import {
  CLASSIC_LOAD_BALANCER,
  classicListeners,
  classicName,
  SECURE_CLASSIC_PROTOCOLS,
} from './classic-load-balancer.js';

export const elbTlsHttpsListenersOnly = defineControl({
  id: 'elb-tls-https-listeners-only',
  title: 'Classic Load Balancer listeners use HTTPS or SSL (TLS) only',
  description:
    'Checks whether every listener of a Classic Load Balancer uses HTTPS or SSL (TLS), so that clients never connect in plain text.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: [CLASSIC_LOAD_BALANCER],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'Classic Load Balancer listeners accept only HTTPS or SSL, so clients never connect in plain text.',
  },
  references: { awsConfigRules: ['elb-tls-https-listeners-only'], securityHub: ['ELB.3'] },
  trigger: 'change',
  remediation: {
    text: 'Replace HTTP and TCP listeners with HTTPS or SSL listeners that use an ACM certificate, or move the workload to an Application Load Balancer that redirects HTTP to HTTPS.',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-create-https-ssl-load-balancer.html',
  },
  evaluate(item) {
    const name = classicName(item);
    const listeners = classicListeners(item);
    if (listeners.length === 0) return notApplicable(`Classic Load Balancer ${name} has no listener.`);
    const plain = listeners.filter((l) => !SECURE_CLASSIC_PROTOCOLS.has(String(l.protocol ?? '').toUpperCase()));
    if (plain.length > 0) {
      const list = plain.map((l) => `${l.protocol ?? 'unknown'} on port ${l.loadBalancerPort ?? '?'}`).join(', ');
      return nonCompliant(`Classic Load Balancer ${name} has listeners without TLS: ${list}.`);
    }
    return compliant(`Classic Load Balancer ${name} listens only with HTTPS or SSL.`);
  },
});
