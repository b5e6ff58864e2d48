import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { type LogGroupConfiguration, logGroupName } from './log-group-configuration.js';

export const cwLoggroupRetentionPeriodCheck = defineControl({
  id: 'cw-loggroup-retention-period-check',
  title: 'CloudWatch Logs log groups keep events for at least the minimum retention period',
  description:
    'Checks whether a CloudWatch Logs log group keeps its events for at least MinRetentionTime days (default 365); never expire is compliant. With LogGroupNames set, only those log groups are checked.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Logs::LogGroup'],
  wellArchitected: ['SEC04-BP01', 'SEC07-BP04'],
  rationale: {
    'SEC04-BP01': 'Log events are kept for at least the minimum retention an investigation needs.',
    'SEC07-BP04': 'Each log group has a defined retention instead of an accidental one.',
  },
  references: { awsConfigRules: ['cw-loggroup-retention-period-check'] },
  // AWS Config does not record log groups: only a periodic run, which lists them, sees them.
  trigger: 'periodic',
  parameters: z.strictObject({
    LogGroupNames: param.csv(),
    MinRetentionTime: param.int(365, { min: 1 }),
  }),
  remediation: {
    text: 'Set the log group retention (logs:PutRetentionPolicy) to at least the required period, 365 days or more for security-relevant logs.',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  },
  evaluate(item, ctx) {
    const group = item.config<LogGroupConfiguration>();
    const name = logGroupName(item);
    const { LogGroupNames: names, MinRetentionTime: min } = ctx.params;
    if (names.length > 0 && !names.includes(name))
      return notApplicable(`Log group ${name} is not listed in LogGroupNames.`);
    const days = group.retentionInDays;
    if (days === undefined || days === null) return compliant(`Log group ${name} never expires its events.`);
    if (days < min) return nonCompliant(`Log group ${name} keeps events for ${days} days, less than ${min}.`);
    return compliant(`Log group ${name} keeps events for ${days} days.`);
  },
});
