import * as z from 'zod';
import type { ConfigItem } from '../../ci/config-item.js';
import { Wafv2LoggingConfigurationsFact } from '../../facts/index.js';
import { compliant, defineControl, type EvaluationContext, nonCompliant, param } from '../../model/control.js';
import { wafv2Arn, wafv2Name } from './web-acl.js';

interface LoggingConfiguration {
  resourceArn?: string;
  logDestinationConfigs?: string[];
}

export const wafv2LoggingEnabled = defineControl({
  id: 'wafv2-logging-enabled',
  title: 'AWS WAF web ACLs have logging enabled',
  description:
    'Checks whether a WAFv2 web ACL has a logging configuration (from its LoggingConfiguration when read directly, else the Rampart::WAFv2::LoggingConfigurations fact); with KinesisFirehoseDeliveryStreamArns set, logs must go to a listed destination.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Web ACL traffic logs are delivered to a destination.',
  },
  references: { awsConfigRules: ['wafv2-logging-enabled'] },
  trigger: 'periodic',
  needs: [Wafv2LoggingConfigurationsFact.type],
  parameters: z.strictObject({ KinesisFirehoseDeliveryStreamArns: param.csv() }),
  remediation: {
    text: 'Enable logging on the web ACL to a CloudWatch Logs log group, S3 bucket or Firehose stream whose name starts with aws-waf-logs-.',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/logging.html',
  },
  evaluate(item, ctx) {
    const name = wafv2Name(item);
    const logging = loggingOf(item, ctx);
    const destinations = logging?.logDestinationConfigs ?? [];
    if (destinations.length === 0) return nonCompliant(`Web ACL ${name} has no logging configuration.`);
    const allowed = ctx.params.KinesisFirehoseDeliveryStreamArns;
    const other = destinations.filter((d) => allowed.length > 0 && !allowed.includes(d));
    if (other.length > 0) {
      return nonCompliant(`Web ACL ${name} logs to ${other.join(', ')}, not in KinesisFirehoseDeliveryStreamArns.`);
    }
    return compliant(`Web ACL ${name} logs to ${destinations.join(', ')}.`);
  },
});

/**
 * Items read directly by Rampart carry the web ACL's logging configuration in
 * `supplementaryConfiguration.LoggingConfiguration` (null when none); AWS Config does not record it,
 * so the fact answers for items that came from Config.
 */
function loggingOf(item: ConfigItem, ctx: EvaluationContext<unknown>): LoggingConfiguration | null | undefined {
  if (item.supplementaryKeys().includes('LoggingConfiguration')) {
    return item.supplementary<LoggingConfiguration | null>('LoggingConfiguration');
  }
  const fact = ctx.require(Wafv2LoggingConfigurationsFact);
  const byArn = ctx.memo(
    'wafv2.loggingByWebAcl',
    () => new Map(fact.loggingConfigurations.map((l) => [l.resourceArn, l] as const)),
  );
  const arn = wafv2Arn(item);
  return arn === undefined ? undefined : byArn.get(arn);
}
