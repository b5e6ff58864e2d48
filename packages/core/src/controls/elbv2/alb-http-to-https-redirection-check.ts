import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { LISTENER, LOAD_BALANCER, listenersOf, loadBalancerName, loadBalancerType } from './load-balancer.js';

export const albHttpToHttpsRedirectionCheck = defineControl({
  id: 'alb-http-to-https-redirection-check',
  title: 'Application Load Balancers redirect every HTTP listener to HTTPS',
  description:
    'Checks whether every HTTP listener of an Application Load Balancer has a default action that redirects to HTTPS (its AWS::ElasticLoadBalancingV2::Listener items in the same account and region).',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: [LOAD_BALANCER],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'HTTP listeners only redirect to HTTPS, so requests are served over TLS.',
  },
  references: { awsConfigRules: ['alb-http-to-https-redirection-check'], securityHub: ['ELB.1'] },
  trigger: 'periodic',
  needs: [LISTENER],
  remediation: {
    text: 'Change the default action of each HTTP listener to a redirect to HTTPS (port 443, status HTTP_301), and serve the application on an HTTPS listener.',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions',
  },
  evaluate(item, ctx) {
    const name = loadBalancerName(item);
    const type = loadBalancerType(item);
    if (type !== 'application') {
      return notApplicable(`Load balancer ${name} is not an Application Load Balancer (type ${type ?? 'unknown'}).`);
    }
    const http = listenersOf(item, ctx).filter((l) => l.Protocol === 'HTTP');
    if (http.length === 0) return compliant(`Application Load Balancer ${name} has no HTTP listener.`);
    const plain = http.filter(
      (l) => !(l.DefaultActions ?? []).some((a) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS'),
    );
    if (plain.length > 0) {
      const ports = plain.map((l) => l.Port).join(', ');
      const what =
        plain.length === 1
          ? `an HTTP listener on port ${ports} that does not`
          : `HTTP listeners on ports ${ports} that do not`;
      return nonCompliant(`Application Load Balancer ${name} has ${what} redirect to HTTPS.`);
    }
    return compliant(`Application Load Balancer ${name} redirects every HTTP listener to HTTPS.`);
  },
});
