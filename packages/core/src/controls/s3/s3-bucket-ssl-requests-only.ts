import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { bucketArn, bucketPolicy, deniesInsecureTransport } from './bucket-policy.js';

export const s3BucketSslRequestsOnly = defineControl({
  id: 's3-bucket-ssl-requests-only',
  title: 'S3 bucket policies deny requests that do not use SSL/TLS',
  description:
    'Checks whether an S3 bucket policy denies, for every principal and all S3 actions on the bucket and its objects, requests where aws:SecureTransport is false. Buckets without such a Deny statement accept HTTP requests.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'The bucket policy denies every request made without TLS.',
  },
  references: { awsConfigRules: ['s3-bucket-ssl-requests-only'], securityHub: ['S3.5'], cis: ['2.1.1'] },
  trigger: 'change',
  remediation: {
    text: 'Add a bucket policy statement that denies s3:* to Principal "*" on the bucket and bucket/* when aws:SecureTransport is false.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  },
  evaluate(item) {
    const policy = bucketPolicy(item);
    if (policy === undefined) {
      return nonCompliant(`Bucket ${item.resourceId} has no bucket policy, so it accepts requests without SSL.`);
    }
    const result = deniesInsecureTransport(policy, bucketArn(item));
    if (result.kind === 'denied') {
      return compliant(`Bucket ${item.resourceId} policy ${result.statement} denies requests without SSL.`);
    }
    if (result.kind === 'partial') {
      return nonCompliant(
        `Bucket ${item.resourceId} policy ${result.statement} denies requests without SSL only for some principals, actions or resources.`,
      );
    }
    return nonCompliant(
      `Bucket ${item.resourceId} policy has no statement that denies requests without SSL (aws:SecureTransport false).`,
    );
  },
});
