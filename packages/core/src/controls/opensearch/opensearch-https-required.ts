import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { domainView } from './domain.js';

export const opensearchHttpsRequired = defineControl({
  id: 'opensearch-https-required',
  title: 'OpenSearch domains require HTTPS',
  description:
    'Checks whether an Amazon OpenSearch Service domain requires HTTPS (DomainEndpointOptions.EnforceHTTPS). With tlsPolicies set, its TLSSecurityPolicy must be one of them.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::OpenSearch::Domain'],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'Clients must reach the domain over HTTPS with an allowed TLS policy.',
  },
  references: { awsConfigRules: ['opensearch-https-required'], securityHub: ['Opensearch.8'] },
  trigger: 'change',
  parameters: z.strictObject({ tlsPolicies: param.csv() }),
  remediation: {
    text: 'Turn on "Require HTTPS for all traffic to the domain" and pick the newest TLS security policy (Policy-Min-TLS-1-2-PFS-2023-10).',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
  },
  evaluate(item, ctx) {
    const d = domainView(item);
    if (!d.enforceHttps) return nonCompliant(`${d.label} does not require HTTPS.`);
    const policy = d.tlsSecurityPolicy ?? 'unknown';
    const allowed = ctx.params.tlsPolicies;
    if (allowed.length > 0 && !allowed.includes(policy)) {
      return nonCompliant(`${d.label} requires HTTPS with TLS security policy ${policy}, which is not in tlsPolicies.`);
    }
    return compliant(`${d.label} requires HTTPS with TLS security policy ${policy}.`);
  },
});
