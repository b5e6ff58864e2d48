import { describe, expect, it } from 'vitest';
import { apiGwCacheEnabledAndEncrypted as control } from '../../../../src/controls/apigateway/api-gw-cache-enabled-and-encrypted.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ApiGateway::Stage', 'prod-cached-mtls');
const STAGE = 'stage prod of API a1b2c3d4e5';

describe('api-gw-cache-enabled-and-encrypted', () => {
  it('compliant: every method cached and encrypted', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${STAGE} caches every method with the cache encrypted.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: caching off', () => {
    const v = verdict(control, fixture('AWS::ApiGateway::Stage', 'prod'));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${STAGE}: all methods (*/*) caching off.`);
  });

  it('non-compliant: a method cache not encrypted', () => {
    const ci = happy();
    ci.configuration.methodSettings['orders/GET'].cacheDataEncrypted = false;
    expect(verdict(control, ci).annotation).toBe(`API Gateway ${STAGE}: method orders/GET cache not encrypted.`);
  });

  it('non-compliant: no method settings', () => {
    const ci = happy();
    delete ci.configuration.methodSettings;
    expect(verdict(control, ci).annotation).toBe(`API Gateway ${STAGE} has no method settings, so caching is off.`);
  });

  it('not applicable: deleted stage', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
