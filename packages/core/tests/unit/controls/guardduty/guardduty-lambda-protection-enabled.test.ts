import { describe } from 'vitest';
import { guarddutyLambdaProtectionEnabled as control } from '../../../../src/controls/guardduty/guardduty-lambda-protection-enabled.js';
import { protectionPlanCases } from './protection-plan-cases.js';

describe('guardduty-lambda-protection-enabled', () => {
  protectionPlanCases(control, 'LAMBDA_NETWORK_LOGS', 'Lambda Protection');
});
