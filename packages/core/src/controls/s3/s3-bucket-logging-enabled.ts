import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { loggingConfiguration } from './bucket-configuration.js';

export const s3BucketLoggingEnabled = defineControl({
  id: 's3-bucket-logging-enabled',
  title: 'S3 buckets have server access logging enabled',
  description:
    'Checks whether server access logging is enabled for an S3 bucket. With targetBucket or targetPrefix set, the logs must go to that bucket and use that prefix.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Server access logs record requests made to the bucket.',
  },
  references: { awsConfigRules: ['s3-bucket-logging-enabled'], securityHub: ['S3.9'] },
  trigger: 'change',
  parameters: z.strictObject({ targetBucket: param.string(), targetPrefix: param.string() }),
  remediation: {
    text: 'Enable server access logging on the bucket, delivering to a dedicated log bucket in the same account and region.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  },
  evaluate(item, ctx) {
    const logging = loggingConfiguration(item);
    const destination = logging?.destinationBucketName;
    if (!destination) {
      return nonCompliant(`Bucket ${item.resourceId} does not have server access logging enabled.`);
    }
    const prefix = logging?.logFilePrefix ?? '';
    const { targetBucket, targetPrefix } = ctx.params;
    if (targetBucket && destination !== targetBucket) {
      return nonCompliant(
        `Bucket ${item.resourceId} logs to ${destination}, not to the required bucket ${targetBucket}.`,
      );
    }
    if (targetPrefix && prefix !== targetPrefix) {
      return nonCompliant(
        `Bucket ${item.resourceId} logs with prefix "${prefix}", not with the required prefix "${targetPrefix}".`,
      );
    }
    return compliant(
      `Bucket ${item.resourceId} logs server access to ${destination}${prefix ? ` with prefix "${prefix}"` : ''}.`,
    );
  },
});
