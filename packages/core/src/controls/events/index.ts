import { securityFindingsAlertingEnabled } from './security-findings-alerting-enabled.js';

export const EVENTS_CONTROLS = [securityFindingsAlertingEnabled];
