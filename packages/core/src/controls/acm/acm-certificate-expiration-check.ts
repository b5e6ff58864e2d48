import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';

interface CertificateConfiguration {
  certificateArn: string;
  domainName: string;
  status: string;
  type: string;
  /** ISO 8601 as AWS Config records it; epoch seconds or milliseconds are accepted too. */
  notAfter: string | number | null;
  inUseBy: string[];
}

const DAY_MS = 86_400_000;

export const acmCertificateExpirationCheck = defineControl({
  id: 'acm-certificate-expiration-check',
  title: 'ACM certificates are not about to expire',
  description:
    'Checks whether an AWS Certificate Manager certificate expires within daysToExpiration days (default 14) of now, or has already expired. Certificates without an expiry date (not issued) are not applicable.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ACM::Certificate'],
  wellArchitected: ['SEC09-BP01'],
  rationale: {
    'SEC09-BP01': 'Certificates close to expiry show renewal is not managed; expired certificates break or weaken TLS.',
  },
  references: { awsConfigRules: ['acm-certificate-expiration-check'], securityHub: ['ACM.1'] },
  trigger: 'change',
  parameters: z.strictObject({ daysToExpiration: param.int(14, { min: 1 }) }),
  remediation: {
    text: 'Make sure ACM can renew the certificate (DNS validation records in place) or import a renewed certificate; delete certificates that are no longer used.',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html',
  },
  evaluate(item, ctx) {
    const cert = item.config<CertificateConfiguration>();
    const name = `Certificate for ${cert.domainName ?? item.resourceId}`;
    const notAfter = toDate(cert.notAfter);
    if (notAfter === undefined) {
      return notApplicable(`${name} has no expiry date (status ${cert.status ?? 'unknown'}).`);
    }
    const left = notAfter.getTime() - ctx.now.getTime();
    const date = notAfter.toISOString().slice(0, 10);
    if (left <= 0) return nonCompliant(`${name} expired on ${date}.`);
    const days = Math.floor(left / DAY_MS);
    const threshold = ctx.params.daysToExpiration;
    if (left <= threshold * DAY_MS) {
      return nonCompliant(`${name} expires on ${date}, in ${days} days (within ${threshold}).`);
    }
    return compliant(`${name} expires on ${date}, in ${days} days.`);
  },
});

function toDate(value: string | number | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = typeof value === 'number' ? (value < 1e12 ? value * 1000 : value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
