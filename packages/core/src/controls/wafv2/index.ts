import { wafv2LoggingEnabled } from './wafv2-logging-enabled.js';
import { wafv2RulegroupLoggingEnabled } from './wafv2-rulegroup-logging-enabled.js';
import { wafv2RulegroupNotEmpty } from './wafv2-rulegroup-not-empty.js';
import { wafv2WebaclNotEmpty } from './wafv2-webacl-not-empty.js';

export const WAFV2_CONTROLS = [
  wafv2LoggingEnabled,
  wafv2RulegroupLoggingEnabled,
  wafv2RulegroupNotEmpty,
  wafv2WebaclNotEmpty,
];
