import * as z from 'zod';
import { NetworkFirewallLoggingFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import { displayName, type FirewallConfiguration } from './network-firewall.js';

const WANTED: Record<'alert' | 'flow' | 'both', readonly string[]> = {
  alert: ['ALERT'],
  flow: ['FLOW'],
  both: ['ALERT', 'FLOW'],
};

export const netfwLoggingEnabled = defineControl({
  id: 'netfw-logging-enabled',
  title: 'Network Firewall firewalls have logging enabled',
  description:
    'Checks whether a Network Firewall firewall sends logs to a destination (Rampart::NetworkFirewall::LoggingConfigurations fact); with logType (alert, flow or both), those log types must be configured.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Network Firewall alert and flow logs are delivered to a destination.',
  },
  references: { awsConfigRules: ['netfw-logging-enabled'], securityHub: ['NetworkFirewall.2'] },
  trigger: 'periodic',
  needs: [NetworkFirewallLoggingFact.type],
  parameters: z.strictObject({
    logType: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['alert', 'flow', 'both']))
      .optional(),
  }),
  remediation: {
    text: 'Configure alert and flow logging for the firewall to CloudWatch Logs, S3 or Firehose (the Rampart baseline Network Firewall component does this).',
    url: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html',
  },
  evaluate(item, ctx) {
    const fw = item.config<FirewallConfiguration>().firewall;
    const name = displayName(item, fw?.firewallName);
    const fact = ctx.require(NetworkFirewallLoggingFact);
    const byArn = ctx.memo(
      'networkfirewall.loggingByFirewall',
      () => new Map(fact.firewalls.map((f) => [f.firewallArn, f] as const)),
    );
    const logging = byArn.get(fw?.firewallArn ?? item.resourceId);
    if (logging === undefined) {
      return insufficientData(`The Network Firewall logging fact does not list firewall ${name}.`);
    }
    const types = [...new Set(logging.logDestinationConfigs.map((c) => c.logType.toUpperCase()))].sort();
    if (types.length === 0) return nonCompliant(`Firewall ${name} has no logging configured.`);
    const wanted = ctx.params.logType;
    const missing = wanted === undefined ? [] : WANTED[wanted].filter((t) => !types.includes(t));
    if (missing.length > 0) {
      return nonCompliant(`Firewall ${name} logs ${types.join(' and ')} but not ${missing.join(' and ')}.`);
    }
    return compliant(`Firewall ${name} logs ${types.join(' and ')}.`);
  },
});
