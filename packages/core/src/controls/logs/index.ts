import { cloudwatchLogGroupEncrypted } from './cloudwatch-log-group-encrypted.js';
import { cwLoggroupRetentionPeriodCheck } from './cw-loggroup-retention-period-check.js';

export const LOGS_CONTROLS = [cloudwatchLogGroupEncrypted, cwLoggroupRetentionPeriodCheck];
