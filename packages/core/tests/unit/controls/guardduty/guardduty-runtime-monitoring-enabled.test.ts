import { describe } from 'vitest';
import { guarddutyRuntimeMonitoringEnabled as control } from '../../../../src/controls/guardduty/guardduty-runtime-monitoring-enabled.js';
import { protectionPlanCases } from './protection-plan-cases.js';

describe('guardduty-runtime-monitoring-enabled', () => {
  protectionPlanCases(control, 'RUNTIME_MONITORING', 'Runtime Monitoring');
});
