import { S3AccountPublicAccessBlockFact } from '../../facts/index.js';
import { defineControl } from '../../model/control.js';
import { ACL_WRITE_PERMISSIONS } from './bucket-configuration.js';
import { PUBLIC_WRITE_ACTIONS } from './bucket-policy.js';
import { evaluatePublicAccess } from './public-access.js';

export const s3BucketPublicWriteProhibited = defineControl({
  id: 's3-bucket-public-write-prohibited',
  title: 'S3 buckets do not allow public write access',
  description:
    'Checks whether an S3 bucket allows public write access through its ACL (Write, WriteAcp or FullControl to AllUsers or AuthenticatedUsers) or its bucket policy, unless Block Public Access at bucket or account level neutralizes the grant.',
  area: 'data-protection',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC03-BP07', 'SEC08-BP04'],
  rationale: {
    'SEC03-BP07': 'ACLs and bucket policies are analysed for public write access.',
    'SEC08-BP04': 'Objects cannot be written or overwritten by anyone on the internet.',
  },
  references: { awsConfigRules: ['s3-bucket-public-write-prohibited'], securityHub: ['S3.3'] },
  // AWS runs the rule on changes and periodically; here it reads the account-level fact, so periodic.
  trigger: 'periodic',
  needs: [S3AccountPublicAccessBlockFact.type],
  remediation: {
    text: 'Remove public write grants from the bucket ACL and public write statements from the bucket policy, and turn on S3 Block Public Access for the bucket and the account.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  evaluate(item, ctx) {
    return evaluatePublicAccess(item, ctx, {
      name: 'write',
      aclPermissions: ACL_WRITE_PERMISSIONS,
      policyActions: PUBLIC_WRITE_ACTIONS,
    });
  },
});
