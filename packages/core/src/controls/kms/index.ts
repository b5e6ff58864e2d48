import { cmkBackingKeyRotationEnabled } from './cmk-backing-key-rotation-enabled.js';
import { kmsCmkNotScheduledForDeletion } from './kms-cmk-not-scheduled-for-deletion.js';

export const KMS_CONTROLS = [cmkBackingKeyRotationEnabled, kmsCmkNotScheduledForDeletion];
