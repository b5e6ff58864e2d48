import * as z from 'zod';
import { CloudTrailTrailsFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import { type TrailConfiguration, trailName } from './trail-configuration.js';

const HOUR_MS = 3_600_000;

export const cloudTrailCloudWatchLogsEnabled = defineControl({
  id: 'cloud-trail-cloud-watch-logs-enabled',
  title: 'CloudTrail trails send events to CloudWatch Logs',
  description:
    'Checks whether an AWS CloudTrail trail sends its events to a CloudWatch Logs log group. With expectedDeliveryWindowAge (hours) set, the latest delivery to CloudWatch Logs must also be at most that old.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  wellArchitected: ['SEC04-BP02'],
  rationale: {
    'SEC04-BP02': 'Trail events land in CloudWatch Logs, a standard place to query them and alarm on them.',
  },
  references: { awsConfigRules: ['cloud-trail-cloud-watch-logs-enabled'], securityHub: ['CloudTrail.5'] },
  // The delivery age comes from GetTrailStatus (the trails fact), which no configuration change reports.
  trigger: 'periodic',
  needs: [CloudTrailTrailsFact.type],
  parameters: z.strictObject({ expectedDeliveryWindowAge: z.coerce.number().int().min(1).optional() }),
  remediation: {
    text: 'Configure the trail to deliver to a CloudWatch Logs log group (with a role CloudTrail can assume), so that metric filters and alarms can watch the events.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
  },
  evaluate(item, ctx) {
    const trail = item.config<TrailConfiguration>();
    const name = trailName(item);
    const logGroup = trail.cloudWatchLogsLogGroupArn;
    if (typeof logGroup !== 'string' || logGroup === '') {
      return nonCompliant(`Trail ${name} does not send events to CloudWatch Logs.`);
    }
    const maxAge = ctx.params.expectedDeliveryWindowAge;
    if (maxAge === undefined) return compliant(`Trail ${name} sends events to CloudWatch Logs log group ${logGroup}.`);

    const arn = trail.trailARN ?? item.arn;
    const status = ctx.require(CloudTrailTrailsFact).trails.find((t) => t.trailArn === arn || t.name === name);
    if (status === undefined) {
      return insufficientData(`The ${CloudTrailTrailsFact.type} fact for ${ctx.region} does not list trail ${name}.`);
    }
    const delivered = status.latestCloudWatchLogsDeliveryTime;
    if (delivered === undefined) {
      return insufficientData(`The latest CloudWatch Logs delivery time of trail ${name} was not collected.`);
    }
    if (delivered === null) return nonCompliant(`Trail ${name} has never delivered events to CloudWatch Logs.`);
    const age = ctx.now.getTime() - Date.parse(delivered);
    if (Number.isNaN(age)) {
      return insufficientData(`Trail ${name} has an unreadable CloudWatch Logs delivery time: ${delivered}.`);
    }
    if (age > maxAge * HOUR_MS) {
      return nonCompliant(
        `Trail ${name} last delivered events to CloudWatch Logs at ${delivered}, more than ${maxAge} hours ago.`,
      );
    }
    return compliant(`Trail ${name} sends events to CloudWatch Logs log group ${logGroup}, last at ${delivered}.`);
  },
});
