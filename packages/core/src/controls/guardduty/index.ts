import { guarddutyEnabledCentralized } from './guardduty-enabled-centralized.js';

export const GUARDDUTY_CONTROLS = [guarddutyEnabledCentralized];
