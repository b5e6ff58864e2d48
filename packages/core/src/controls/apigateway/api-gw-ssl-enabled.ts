import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { describeStage, type RestStageConfiguration } from './stage-settings.js';

export const apiGwSslEnabled = defineControl({
  id: 'api-gw-ssl-enabled',
  title: 'API Gateway REST API stages use a client certificate for backend authentication',
  description:
    'Checks whether an API Gateway REST API stage has a client SSL certificate (clientCertificateId), so the backend can verify that requests come from API Gateway. With CertificateIDs set, the certificate must be one of them.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  wellArchitected: ['SEC09-BP03'],
  rationale: {
    'SEC09-BP03': 'A client certificate lets the backend authenticate that requests come from API Gateway.',
  },
  references: { awsConfigRules: ['api-gw-ssl-enabled'], securityHub: ['APIGateway.2'] },
  trigger: 'change',
  parameters: z.strictObject({ CertificateIDs: param.csv() }),
  remediation: {
    text: 'Generate a client certificate in API Gateway, assign it to the stage, and configure the backend to accept only requests signed with it.',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html',
  },
  evaluate(item, ctx) {
    const stage = item.config<RestStageConfiguration>();
    const name = describeStage(item, stage.stageName);
    const cert = stage.clientCertificateId;
    if (!cert) return nonCompliant(`API Gateway ${name} has no client certificate.`);
    const allowed = ctx.params.CertificateIDs;
    if (allowed.length > 0 && !allowed.includes(cert)) {
      return nonCompliant(`API Gateway ${name} uses client certificate ${cert}, which is not in CertificateIDs.`);
    }
    return compliant(`API Gateway ${name} uses client certificate ${cert}.`);
  },
});
