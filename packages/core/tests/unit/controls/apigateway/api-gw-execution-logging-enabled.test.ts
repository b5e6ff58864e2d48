import { describe, expect, it } from 'vitest';
import { apiGwExecutionLoggingEnabled as control } from '../../../../src/controls/apigateway/api-gw-execution-logging-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const rest = () => fixture('AWS::ApiGateway::Stage', 'prod-cached-mtls');
const websocket = () => fixture('AWS::ApiGatewayV2::Stage', 'websocket-logged');
const REST = 'stage prod of API a1b2c3d4e5';
const WS = 'stage prod of API w9x8y7z6v5';

describe('api-gw-execution-logging-enabled', () => {
  it('compliant: REST stage logs every method at INFO or ERROR', () => {
    const v = verdict(control, rest());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${REST} logs at INFO, ERROR.`);
    expect(verdict(control, toApiShape(rest())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: a method overrides logging to OFF', () => {
    const ci = rest();
    ci.configuration.methodSettings['orders/GET'].loggingLevel = 'OFF';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${REST} does not log at ERROR or INFO: method orders/GET OFF.`);
  });

  it('non-compliant: no method settings', () => {
    const ci = rest();
    ci.configuration.methodSettings = {};
    expect(verdict(control, ci).annotation).toBe(
      `API Gateway ${REST} has no method settings, so execution logging is off.`,
    );
  });

  it('non-compliant with loggingLevel INFO: a method logs only errors', () => {
    const v = verdict(control, rest(), { params: { loggingLevel: 'INFO' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${REST} does not log at INFO: method orders/GET ERROR.`);
  });

  it('compliant: WebSocket stage logs by default and per route', () => {
    const v = verdict(control, websocket());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`API Gateway ${WS} logs at ERROR, INFO.`);
  });

  it('non-compliant: WebSocket stage without a default logging level', () => {
    const ci = websocket();
    ci.configuration.defaultRouteSettings.loggingLevel = 'OFF';
    delete ci.configuration.routeSettings.$connect.loggingLevel;
    const v = verdict(control, toApiShape(ci));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `API Gateway ${WS} does not log at ERROR or INFO: default route settings OFF, route $connect OFF.`,
    );
  });

  it('not applicable: deleted stage', () => {
    const ci = rest();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
