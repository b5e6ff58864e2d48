import { describe, expect, it } from 'vitest';
import { apiGwAssociatedWithWaf as control } from '../../../../src/controls/apigateway/api-gw-associated-with-waf.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ApiGateway::Stage', 'prod');
const ACL =
  'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/rampart-regional/6f2c0d4e-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const STAGE = 'API Gateway stage prod of REST API a1b2c3d4e5';

describe('api-gw-associated-with-waf', () => {
  it('compliant: the stage has a web ACL', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`${STAGE} is associated with web ACL ${ACL}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no web ACL', () => {
    const ci = happy();
    delete ci.configuration.webAclArn;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`${STAGE} is not associated with a WAF web ACL.`);
  });

  it('non-compliant with WebAclArns: another web ACL', () => {
    const other = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/central/0a0b0c0d-1e1f-4a2b-8c3d-4e5f6a7b8c9d';
    const v = verdict(control, happy(), { params: { WebAclArns: other } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`${STAGE} is associated with web ACL ${ACL}, which is not in WebAclArns.`);
  });

  it('compliant with WebAclArns: the listed web ACL', () => {
    expect(verdict(control, happy(), { params: { WebAclArns: ACL } }).compliance).toBe('COMPLIANT');
  });

  it('not applicable: deleted stage', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
