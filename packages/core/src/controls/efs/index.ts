import { efsAccessPointEnforceUserIdentity } from './efs-access-point-enforce-user-identity.js';
import { efsEncryptedCheck } from './efs-encrypted-check.js';

export const EFS_CONTROLS = [efsAccessPointEnforceUserIdentity, efsEncryptedCheck];
