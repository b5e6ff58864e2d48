import { describe } from 'vitest';
import { guarddutyRdsProtectionEnabled as control } from '../../../../src/controls/guardduty/guardduty-rds-protection-enabled.js';
import { protectionPlanCases } from './protection-plan-cases.js';

describe('guardduty-rds-protection-enabled', () => {
  protectionPlanCases(control, 'RDS_LOGIN_EVENTS', 'RDS Protection');
});
