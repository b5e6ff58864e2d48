import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type RuleGroupConfiguration, wafv2Name } from './web-acl.js';

export const wafv2RulegroupLoggingEnabled = defineControl({
  id: 'wafv2-rulegroup-logging-enabled',
  title: 'AWS WAF rule groups publish CloudWatch metrics',
  description:
    'Checks whether a WAFv2 rule group has Amazon CloudWatch metrics collection enabled (VisibilityConfig.CloudWatchMetricsEnabled), so that matches can be monitored and alarmed on.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::WAFv2::RuleGroup'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Rule group matches publish CloudWatch metrics that can be monitored and alarmed on.',
  },
  references: { awsConfigRules: ['wafv2-rulegroup-logging-enabled'], securityHub: ['WAF.12'] },
  trigger: 'change',
  remediation: {
    text: "Turn on CloudWatch metrics in the rule group's visibility configuration (and in each of its rules).",
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/monitoring-cloudwatch.html',
  },
  evaluate(item) {
    const group = item.config<RuleGroupConfiguration>();
    const name = wafv2Name(item);
    if (group.visibilityConfig?.cloudWatchMetricsEnabled !== true) {
      return nonCompliant(`Rule group ${name} does not publish CloudWatch metrics.`);
    }
    return compliant(
      `Rule group ${name} publishes CloudWatch metrics as ${group.visibilityConfig.metricName ?? 'unnamed metric'}.`,
    );
  },
});
