import { ec2ManagedinstanceAssociationComplianceStatusCheck } from './ec2-managedinstance-association-compliance-status-check.js';
import { ec2ManagedinstancePatchComplianceStatusCheck } from './ec2-managedinstance-patch-compliance-status-check.js';
import { ssmDocumentNotPublic } from './ssm-document-not-public.js';
import { ssmParameterSecretsSecurestringCmk } from './ssm-parameter-secrets-securestring-cmk.js';

export const SSM_CONTROLS = [
  ec2ManagedinstanceAssociationComplianceStatusCheck,
  ec2ManagedinstancePatchComplianceStatusCheck,
  ssmDocumentNotPublic,
  ssmParameterSecretsSecurestringCmk,
];
