import { cloudwatchAlarmActionCheck } from './cloudwatch-alarm-action-check.js';

export const CLOUDWATCH_CONTROLS = [cloudwatchAlarmActionCheck];
