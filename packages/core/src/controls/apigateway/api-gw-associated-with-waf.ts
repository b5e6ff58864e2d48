import * as z from 'zod';
import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

interface StageConfiguration {
  stageName: string;
  deploymentId: string;
  webAclArn?: string;
}

export const apiGwAssociatedWithWaf = defineControl({
  id: 'api-gw-associated-with-waf',
  title: 'API Gateway REST API stages are protected by an AWS WAF web ACL',
  description:
    'Checks whether an API Gateway REST API stage is associated with a WAF web ACL (webAclArn); with WebAclArns set, with one of the listed web ACLs.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'A WAF web ACL inspects requests to the API stage before they reach the backend.',
  },
  references: { awsConfigRules: ['api-gw-associated-with-waf'], securityHub: ['APIGateway.4'] },
  trigger: 'change',
  parameters: z.strictObject({ WebAclArns: param.csv() }),
  remediation: {
    text: 'Associate the stage with a regional WAFv2 web ACL that holds at least the AWS managed core rule set.',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html',
  },
  evaluate(item, ctx) {
    const stage = item.config<StageConfiguration>();
    const name = stageName(item, stage);
    const acl = stage.webAclArn;
    if (!acl) return nonCompliant(`${name} is not associated with a WAF web ACL.`);
    const allowed = ctx.params.WebAclArns;
    if (allowed.length > 0 && !allowed.includes(acl)) {
      return nonCompliant(`${name} is associated with web ACL ${acl}, which is not in WebAclArns.`);
    }
    return compliant(`${name} is associated with web ACL ${acl}.`);
  },
});

/** "API Gateway stage prod of REST API a1b2c3d4e5", from the stage ARN (`…/restapis/<id>/stages/<name>`). */
function stageName(item: ConfigItem, stage: Partial<StageConfiguration>): string {
  const match = /\/restapis\/([^/]+)\/stages\/([^/]+)/.exec(item.arn ?? item.resourceId);
  const restApi =
    match?.[1] ?? item.relationships.find((r) => r.resourceType === 'AWS::ApiGateway::RestApi')?.resourceId;
  const name = stage.stageName ?? match?.[2] ?? item.resourceName ?? item.resourceId;
  return restApi ? `API Gateway stage ${name} of REST API ${restApi}` : `API Gateway stage ${name}`;
}
