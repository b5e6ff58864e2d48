import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { versioningConfiguration } from './bucket-configuration.js';

export const s3BucketVersioningEnabled = defineControl({
  id: 's3-bucket-versioning-enabled',
  title: 'S3 buckets have versioning enabled',
  description:
    'Checks whether versioning is enabled for an S3 bucket (status Enabled; Suspended and never-enabled buckets fail). With isMfaDeleteEnabled true, MFA delete must be enabled too.',
  area: 'data-protection',
  severity: 'LOW',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC08-BP04'],
  rationale: {
    'SEC08-BP04':
      'Versioning keeps prior object versions, so overwrites and deletions by a principal with access can be undone.',
  },
  references: { awsConfigRules: ['s3-bucket-versioning-enabled'] },
  trigger: 'change',
  parameters: z.strictObject({ isMfaDeleteEnabled: param.bool(false) }),
  remediation: {
    text: 'Enable versioning on the bucket so overwritten and deleted objects can be recovered; add lifecycle rules to expire noncurrent versions.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-versioning-examples.html',
  },
  evaluate(item, ctx) {
    const versioning = versioningConfiguration(item);
    const status = versioning?.status ?? 'Off';
    if (status !== 'Enabled') {
      return nonCompliant(
        status === 'Suspended'
          ? `Bucket ${item.resourceId} has versioning suspended.`
          : `Bucket ${item.resourceId} does not have versioning enabled.`,
      );
    }
    if (ctx.params.isMfaDeleteEnabled && versioning?.isMfaDeleteEnabled !== true) {
      return nonCompliant(`Bucket ${item.resourceId} has versioning enabled but MFA delete disabled.`);
    }
    return compliant(
      `Bucket ${item.resourceId} has versioning enabled${versioning?.isMfaDeleteEnabled === true ? ' with MFA delete' : ''}.`,
    );
  },
});
