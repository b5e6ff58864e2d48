import { secretsmanagerRotationEnabledCheck } from './secretsmanager-rotation-enabled-check.js';

export const SECRETSMANAGER_CONTROLS = [secretsmanagerRotationEnabledCheck];
