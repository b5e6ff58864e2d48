import { S3AccountPublicAccessBlockFact } from '../../facts/index.js';
import { defineControl } from '../../model/control.js';
import { ACL_READ_PERMISSIONS } from './bucket-configuration.js';
import { PUBLIC_READ_ACTIONS } from './bucket-policy.js';
import { evaluatePublicAccess } from './public-access.js';

export const s3BucketPublicReadProhibited = defineControl({
  id: 's3-bucket-public-read-prohibited',
  title: 'S3 buckets do not allow public read access',
  description:
    'Checks whether an S3 bucket allows public read access through its ACL (Read or FullControl to AllUsers or AuthenticatedUsers) or its bucket policy, unless Block Public Access at bucket or account level neutralizes the grant.',
  area: 'data-protection',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC03-BP07', 'SEC08-BP04'],
  rationale: {
    'SEC03-BP07': 'ACLs and bucket policies are analysed for public read access.',
    'SEC08-BP04': 'Objects are not readable by anyone on the internet.',
  },
  references: { awsConfigRules: ['s3-bucket-public-read-prohibited'], securityHub: ['S3.2'] },
  // AWS runs the rule on changes and periodically; here it reads the account-level fact, so periodic.
  trigger: 'periodic',
  needs: [S3AccountPublicAccessBlockFact.type],
  remediation: {
    text: 'Remove public grants from the bucket ACL and public statements from the bucket policy, and turn on S3 Block Public Access for the bucket and the account.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  evaluate(item, ctx) {
    return evaluatePublicAccess(item, ctx, {
      name: 'read',
      aclPermissions: ACL_READ_PERMISSIONS,
      policyActions: PUBLIC_READ_ACTIONS,
    });
  },
});
