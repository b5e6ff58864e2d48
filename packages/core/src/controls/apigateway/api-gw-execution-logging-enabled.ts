import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import {
  describeStage,
  type HttpStageConfiguration,
  methodSettings,
  type RestStageConfiguration,
} from './stage-settings.js';

export const apiGwExecutionLoggingEnabled = defineControl({
  id: 'api-gw-execution-logging-enabled',
  title: 'API Gateway stages have execution logging enabled',
  description:
    'Checks whether every method of an API Gateway REST API stage (methodSettings), or the default and route settings of a WebSocket/HTTP API stage, logs at one of the levels in loggingLevel (default ERROR,INFO). Logging OFF or no settings is non-compliant.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Execution logs record the requests an API stage handles, a service log the BP asks you to turn on.',
  },
  references: { awsConfigRules: ['api-gw-execution-logging-enabled'], securityHub: ['APIGateway.1'] },
  trigger: 'change',
  parameters: z.strictObject({ loggingLevel: param.csv(['ERROR', 'INFO']) }),
  remediation: {
    text: 'Set the stage logging level to ERROR or INFO for all methods or routes (and give API Gateway a CloudWatch Logs role in the account settings).',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
  },
  evaluate(item, ctx) {
    const allowed = ctx.params.loggingLevel.map((l) => l.toUpperCase());
    const ok = (level: string | null | undefined) => level != null && allowed.includes(level.toUpperCase());
    let settings: [string, string | null | undefined][];
    let name: string;
    if (item.resourceType === 'AWS::ApiGatewayV2::Stage') {
      const stage = item.config<HttpStageConfiguration>();
      name = describeStage(item, stage.stageName);
      const fallback = stage.defaultRouteSettings?.loggingLevel;
      settings = [
        ['default route settings', fallback],
        ...Object.entries(stage.routeSettings ?? {}).map(([route, s]): [string, string | null | undefined] => [
          `route ${route}`,
          s.loggingLevel ?? fallback,
        ]),
      ];
    } else {
      const stage = item.config<RestStageConfiguration>();
      name = describeStage(item, stage.stageName);
      settings = methodSettings(stage).map(([key, s]) => [
        key === '*/*' ? 'all methods (*/*)' : `method ${key}`,
        s.loggingLevel,
      ]);
      if (settings.length === 0)
        return nonCompliant(`API Gateway ${name} has no method settings, so execution logging is off.`);
    }
    const off = settings.filter(([, level]) => !ok(level));
    if (off.length > 0) {
      const what = off.map(([where, level]) => `${where} ${level ?? 'not set'}`).join(', ');
      return nonCompliant(`API Gateway ${name} does not log at ${allowed.join(' or ')}: ${what}.`);
    }
    return compliant(`API Gateway ${name} logs at ${[...new Set(settings.map(([, l]) => l))].join(', ')}.`);
  },
});
