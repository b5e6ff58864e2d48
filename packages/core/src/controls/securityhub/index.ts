import { securityhubEnabled } from './securityhub-enabled.js';

export const SECURITYHUB_CONTROLS = [securityhubEnabled];
