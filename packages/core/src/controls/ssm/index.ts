import { ec2ManagedinstanceAssociationComplianceStatusCheck } from './ec2-managedinstance-association-compliance-status-check.js';
import { ec2ManagedinstancePatchComplianceStatusCheck } from './ec2-managedinstance-patch-compliance-status-check.js';

export const SSM_CONTROLS = [
  ec2ManagedinstanceAssociationComplianceStatusCheck,
  ec2ManagedinstancePatchComplianceStatusCheck,
];
