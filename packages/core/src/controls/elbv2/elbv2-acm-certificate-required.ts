import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import {
  isAcmCertificate,
  LISTENER,
  LOAD_BALANCER,
  listenersOf,
  loadBalancerName,
  loadBalancerType,
} from './load-balancer.js';

const SECURE = new Set(['HTTPS', 'TLS']);

export const elbv2AcmCertificateRequired = defineControl({
  id: 'elbv2-acm-certificate-required',
  title: 'Application and Network Load Balancer listeners use certificates from AWS Certificate Manager',
  description:
    'Checks whether the HTTPS and TLS listeners of Application and Network Load Balancers use ACM certificates; with AcmCertificatesAllowed set, only the listed certificate ARNs are allowed.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: [LOAD_BALANCER],
  wellArchitected: ['SEC09-BP01'],
  rationale: {
    'SEC09-BP01': 'ACM manages and renews the HTTPS and TLS listener certificates.',
  },
  references: { awsConfigRules: ['elbv2-acm-certificate-required'] },
  trigger: 'periodic',
  needs: [LISTENER],
  parameters: z.strictObject({ AcmCertificatesAllowed: param.csv() }),
  remediation: {
    text: 'Request or import the certificate in AWS Certificate Manager and set it as the listener certificate, so that ACM renews and rotates it.',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/https-listener-certificates.html',
  },
  evaluate(item, ctx) {
    const name = loadBalancerName(item);
    const type = loadBalancerType(item);
    if (type !== 'application' && type !== 'network') {
      return notApplicable(
        `Load balancer ${name} is neither an Application nor a Network Load Balancer (type ${type ?? 'unknown'}).`,
      );
    }
    const secure = listenersOf(item, ctx).filter((l) => SECURE.has(l.Protocol));
    if (secure.length === 0) return notApplicable(`Load balancer ${name} has no HTTPS or TLS listener.`);
    const allowed = ctx.params.AcmCertificatesAllowed;
    const problems: string[] = [];
    for (const l of secure) {
      const arns = (l.Certificates ?? []).map((c) => c.CertificateArn).filter((a): a is string => !!a);
      if (arns.length === 0) problems.push(`port ${l.Port} has no certificate`);
      for (const arn of arns) {
        if (!isAcmCertificate(arn)) problems.push(`port ${l.Port} uses ${arn}, not an ACM certificate`);
        else if (allowed.length > 0 && !allowed.includes(arn)) {
          problems.push(`port ${l.Port} uses ${arn}, not in AcmCertificatesAllowed`);
        }
      }
    }
    if (problems.length > 0) return nonCompliant(`Load balancer ${name}: ${problems.join('; ')}.`);
    const ports = secure.map((l) => l.Port).join(', ');
    return compliant(`Load balancer ${name} uses ACM certificates on its HTTPS and TLS listeners (${ports}).`);
  },
});
