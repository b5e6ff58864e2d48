import { cmkBackingKeyRotationEnabled } from './cmk-backing-key-rotation-enabled.js';
import { kmsCmkNotScheduledForDeletion } from './kms-cmk-not-scheduled-for-deletion.js';
import { kmsKeyPolicyNoBroadFullAccess } from './kms-key-policy-no-broad-full-access.js';
import { kmsKeyPolicyNoPublicAccess } from './kms-key-policy-no-public-access.js';

export const KMS_CONTROLS = [
  cmkBackingKeyRotationEnabled,
  kmsCmkNotScheduledForDeletion,
  kmsKeyPolicyNoBroadFullAccess,
  kmsKeyPolicyNoPublicAccess,
];
