import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { describeStage, methodSettings, type RestStageConfiguration } from './stage-settings.js';

export const apiGwCacheEnabledAndEncrypted = defineControl({
  id: 'api-gw-cache-enabled-and-encrypted',
  title: 'API Gateway REST API stages cache responses and encrypt the cache',
  description:
    'Checks whether every method of an API Gateway REST API stage has caching enabled with the cache data encrypted (methodSettings cachingEnabled and cacheDataEncrypted). A stage without method settings, or any method without them, is non-compliant.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Cached API responses are data at rest; the check requires the stage cache to be encrypted.',
  },
  references: { awsConfigRules: ['api-gw-cache-enabled-and-encrypted'], securityHub: ['APIGateway.5'] },
  trigger: 'change',
  remediation: {
    text: 'Enable the stage cache and, in the stage settings, turn on caching with "Encrypt cache data" for all methods (method setting */* cachingEnabled and cacheDataEncrypted).',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
  },
  evaluate(item) {
    const stage = item.config<RestStageConfiguration>();
    const name = describeStage(item, stage.stageName);
    const settings = methodSettings(stage);
    if (settings.length === 0) return nonCompliant(`API Gateway ${name} has no method settings, so caching is off.`);
    const problems: string[] = [];
    for (const [key, s] of settings) {
      const where = key === '*/*' ? 'all methods (*/*)' : `method ${key}`;
      if (s.cachingEnabled !== true) problems.push(`${where} caching off`);
      else if (s.cacheDataEncrypted !== true) problems.push(`${where} cache not encrypted`);
    }
    if (problems.length > 0) return nonCompliant(`API Gateway ${name}: ${problems.join(', ')}.`);
    return compliant(`API Gateway ${name} caches every method with the cache encrypted.`);
  },
});
