import * as z from 'zod';
import { CloudTrailTrailsFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { s3DataEvents } from './trail-events.js';

export const cloudtrailS3DataeventsEnabled = defineControl({
  id: 'cloudtrail-s3-dataevents-enabled',
  title: 'A logging CloudTrail trail records S3 data events for all buckets',
  description:
    'Checks whether at least one logging CloudTrail trail records Amazon S3 data events (object-level API activity) for all S3 buckets, or, with S3BucketNames, for each of the named buckets.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Object-level S3 data events are logged, the API activity an investigation of data access needs.',
  },
  references: { awsConfigRules: ['cloudtrail-s3-dataevents-enabled'] },
  trigger: 'periodic',
  needs: [CloudTrailTrailsFact.type],
  parameters: z.strictObject({ S3BucketNames: param.csv() }),
  remediation: {
    text: 'Add an S3 data event selector (AWS::S3::Object) for all buckets, or for the sensitive ones, to a logging trail.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
  },
  evaluate(item, ctx) {
    const { trails } = ctx.require(CloudTrailTrailsFact);
    const logging = trails.filter((t) => t.isLogging);
    if (logging.length === 0) {
      return nonCompliant(`Account ${item.accountId} has no logging CloudTrail trail covering ${ctx.region}.`);
    }
    const wanted = ctx.params.S3BucketNames;
    const covered = new Set<string>();
    for (const trail of logging) {
      const events = s3DataEvents(trail);
      if (events.all) return compliant(`Trail ${trail.name} records S3 data events for all buckets.`);
      for (const b of events.buckets) covered.add(b);
    }
    if (wanted.length > 0) {
      const missing = wanted.filter((b) => !covered.has(b));
      if (missing.length === 0) return compliant(`Logging trails record S3 data events for ${wanted.join(', ')}.`);
      return nonCompliant(`No logging trail records S3 data events for ${missing.join(', ')}.`);
    }
    if (covered.size === 0) return nonCompliant('No logging trail records S3 data events.');
    return nonCompliant(
      `Logging trails record S3 data events only for ${[...covered].sort().join(', ')}, not all buckets.`,
    );
  },
});
