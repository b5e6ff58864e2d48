import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { PUBLIC_ACCESS_BLOCK_FLAGS, publicAccessBlock } from './bucket-configuration.js';

export const s3BucketLevelPublicAccessProhibited = defineControl({
  id: 's3-bucket-level-public-access-prohibited',
  title: 'S3 buckets turn on all four bucket-level Block Public Access settings',
  description:
    'Checks whether an S3 bucket has bucket-level Block Public Access with BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets all on. Buckets named in excludedPublicBuckets are allowed to be public.',
  area: 'data-protection',
  severity: 'HIGH',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC03-BP07', 'SEC08-BP04'],
  rationale: {
    'SEC03-BP07':
      'All four Block Public Access settings are on for the bucket unless it is listed as public by design.',
    'SEC08-BP04': 'Bucket data cannot be opened to the public by a policy or ACL change.',
  },
  references: {
    awsConfigRules: ['s3-bucket-level-public-access-prohibited'],
    securityHub: ['S3.8'],
    cis: ['2.1.4'],
  },
  trigger: 'change',
  parameters: z.strictObject({ excludedPublicBuckets: param.csv() }),
  remediation: {
    text: 'Turn on all four Block Public Access settings for the bucket; serve public content through CloudFront with origin access control instead.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html',
  },
  evaluate(item, ctx) {
    if (ctx.params.excludedPublicBuckets.includes(item.resourceId)) {
      return compliant(`Bucket ${item.resourceId} is listed in excludedPublicBuckets.`);
    }
    const block = publicAccessBlock(item);
    if (block === undefined) {
      return nonCompliant(`Bucket ${item.resourceId} has no bucket-level Block Public Access configuration.`);
    }
    const off = PUBLIC_ACCESS_BLOCK_FLAGS.filter(([, field]) => block[field] !== true).map(([name]) => name);
    if (off.length > 0) {
      return nonCompliant(`Bucket ${item.resourceId} has bucket-level Block Public Access off for ${off.join(', ')}.`);
    }
    return compliant(`Bucket ${item.resourceId} has all four bucket-level Block Public Access settings on.`);
  },
});
