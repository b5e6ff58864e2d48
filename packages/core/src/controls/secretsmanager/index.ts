import { secretsmanagerRotationEnabledCheck } from './secretsmanager-rotation-enabled-check.js';
import { secretsmanagerScheduledRotationSuccessCheck } from './secretsmanager-scheduled-rotation-success-check.js';
import { secretsmanagerSecretPeriodicRotation } from './secretsmanager-secret-periodic-rotation.js';
import { secretsmanagerSecretUnused } from './secretsmanager-secret-unused.js';
import { secretsmanagerUsingCmk } from './secretsmanager-using-cmk.js';

export const SECRETSMANAGER_CONTROLS = [
  secretsmanagerRotationEnabledCheck,
  secretsmanagerScheduledRotationSuccessCheck,
  secretsmanagerSecretPeriodicRotation,
  secretsmanagerSecretUnused,
  secretsmanagerUsingCmk,
];
