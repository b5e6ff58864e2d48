import { describe, expect, it } from 'vitest';
import { apiGwSslEnabled as control } from '../../../../src/controls/apigateway/api-gw-ssl-enabled.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ApiGateway::Stage', 'prod-cached-mtls');
const STAGE = 'stage prod of API a1b2c3d4e5';

describe('api-gw-ssl-enabled', () => {
  it('compliant: a client certificate', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${STAGE} uses client certificate k4n8q2.`);
  });

  it('non-compliant: no client certificate', () => {
    const v = verdict(control, fixture('AWS::ApiGateway::Stage', 'prod'));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${STAGE} has no client certificate.`);
  });

  it('compliant with CertificateIDs: listed certificate', () => {
    expect(verdict(control, happy(), { params: { CertificateIDs: 'a1a1a1,k4n8q2' } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with CertificateIDs: another certificate', () => {
    const v = verdict(control, happy(), { params: { CertificateIDs: 'a1a1a1' } });
    expect(v.annotation).toBe(`API Gateway ${STAGE} uses client certificate k4n8q2, which is not in CertificateIDs.`);
  });

  it('not applicable: deleted stage', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
