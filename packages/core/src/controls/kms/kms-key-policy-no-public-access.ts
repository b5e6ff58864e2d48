import { describeStatement } from '../../iam/policy.js';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import { publicStatements } from '../s3/bucket-policy.js';
import type { KmsKeyConfiguration } from './key-configuration.js';
import { keyPolicy } from './key-policy.js';

export const kmsKeyPolicyNoPublicAccess = defineControl({
  id: 'kms-key-policy-no-public-access',
  title: 'KMS key policies do not allow public access',
  description:
    'Checks whether the key policy of a KMS key has an Allow statement for "*", {"AWS": "*"}, NotPrincipal or a wildcard principal without a condition that pins callers to fixed values (kms:CallerAccount, aws:PrincipalOrgID, aws:SourceVpce, ...). Values with wildcards or policy variables are not fixed.',
  area: 'data-protection',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::KMS::Key'],
  wellArchitected: ['SEC08-BP01', 'SEC03-BP07'],
  rationale: {
    'SEC08-BP01': 'No key policy lets any AWS principal use or manage the key.',
    'SEC03-BP07': 'Key policies are analysed for public access without a condition pinning callers.',
  },
  references: { awsConfigRules: ['kms-key-policy-no-public-access'], securityHub: ['KMS.5'] },
  trigger: 'change',
  remediation: {
    text: 'Replace the public principal in the key policy with specific accounts or roles, or add a condition such as kms:CallerAccount or aws:PrincipalOrgID (kms:PutKeyPolicy).',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html',
  },
  evaluate(item) {
    const id = item.config<KmsKeyConfiguration>().keyId ?? item.resourceId;
    const policy = keyPolicy(item);
    if (policy === undefined) {
      return insufficientData(
        `The configuration item of KMS key ${id} does not carry its key policy (supplementaryConfiguration.Policy).`,
      );
    }
    const open = publicStatements(policy).map(({ statement, index }) => describeStatement(statement, index));
    if (open.length > 0) {
      return nonCompliant(`The key policy of KMS key ${id} allows public access (${open.join(', ')}).`);
    }
    return compliant(`The key policy of KMS key ${id} does not allow public access.`);
  },
});
