import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

/** The fields of an `AWS::CloudWatch::Alarm` configuration item this control reads (AWS Config writes `okactions`). */
interface AlarmConfiguration {
  alarmName: string;
  alarmActions: string[] | null;
  insufficientDataActions: string[] | null;
  okactions?: string[] | null;
  okActions?: string[] | null;
  oKActions?: string[] | null;
}

const actionParam = z.string().trim().optional();

export const cloudwatchAlarmActionCheck = defineControl({
  id: 'cloudwatch-alarm-action-check',
  title: 'CloudWatch alarms have actions for the ALARM, INSUFFICIENT_DATA and OK states as required',
  description:
    'Checks whether a CloudWatch alarm has at least one action for each state the parameters require (ALARM and INSUFFICIENT_DATA by default, OK optionally). With action1..action5, each required state must have one of those ARNs as an action.',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::CloudWatch::Alarm'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01':
      'An alarm without actions alerts nobody; the BP includes setting up alerting on the logs and metrics you collect.',
  },
  references: { awsConfigRules: ['cloudwatch-alarm-action-check'] },
  trigger: 'change',
  parameters: z.strictObject({
    alarmActionRequired: param.bool(true),
    insufficientDataActionRequired: param.bool(true),
    okActionRequired: param.bool(false),
    action1: actionParam,
    action2: actionParam,
    action3: actionParam,
    action4: actionParam,
    action5: actionParam,
  }),
  remediation: {
    text: 'Add an action (an SNS topic that reaches the on-call team, or an automation) to the alarm for each state that needs one.',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  },
  evaluate(item, ctx) {
    const alarm = item.config<AlarmConfiguration>();
    const name = alarm.alarmName ?? item.resourceName ?? item.resourceId;
    const p = ctx.params;
    const named = [p.action1, p.action2, p.action3, p.action4, p.action5].filter(
      (a): a is string => a !== undefined && a !== '',
    );
    const states: [string, boolean, readonly string[]][] = [
      ['ALARM', p.alarmActionRequired, alarm.alarmActions ?? []],
      ['INSUFFICIENT_DATA', p.insufficientDataActionRequired, alarm.insufficientDataActions ?? []],
      ['OK', p.okActionRequired, alarm.okactions ?? alarm.okActions ?? alarm.oKActions ?? []],
    ];
    const missing: string[] = [];
    const unnamed: string[] = [];
    for (const [state, required, actions] of states) {
      if (!required) continue;
      if (actions.length === 0) missing.push(state);
      else if (named.length > 0 && !actions.some((a) => named.includes(a))) unnamed.push(state);
    }
    if (missing.length > 0) {
      return nonCompliant(
        `CloudWatch alarm ${name} has no action for the ${missing.join(' and ')} ${missing.length > 1 ? 'states' : 'state'}.`,
      );
    }
    if (unnamed.length > 0) {
      return nonCompliant(
        `CloudWatch alarm ${name} has no action from the parameters (action1..action5) for the ${unnamed.join(' and ')} ${unnamed.length > 1 ? 'states' : 'state'}.`,
      );
    }
    return compliant(`CloudWatch alarm ${name} has actions for every required state.`);
  },
});
