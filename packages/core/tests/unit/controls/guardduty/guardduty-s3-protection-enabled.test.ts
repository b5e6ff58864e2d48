import { describe } from 'vitest';
import { guarddutyS3ProtectionEnabled as control } from '../../../../src/controls/guardduty/guardduty-s3-protection-enabled.js';
import { protectionPlanCases } from './protection-plan-cases.js';

describe('guardduty-s3-protection-enabled', () => {
  protectionPlanCases(control, 'S3_DATA_EVENTS', 'S3 Protection');
});
