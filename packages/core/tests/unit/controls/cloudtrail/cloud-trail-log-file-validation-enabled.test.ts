import { describe, expect, it } from 'vitest';
import { cloudTrailLogFileValidationEnabled as control } from '../../../../src/controls/cloudtrail/cloud-trail-log-file-validation-enabled.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::CloudTrail::Trail', 'multi-region');

describe('cloud-trail-log-file-validation-enabled', () => {
  it('compliant: log file validation enabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Trail acme-management-trail has log file integrity validation enabled.');
  });

  it('non-compliant: log file validation disabled', () => {
    const ci = happy();
    ci.configuration.logFileValidationEnabled = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Trail acme-management-trail does not have log file integrity validation enabled.');
  });

  it('non-compliant: the field is missing from the configuration', () => {
    const ci = happy();
    delete ci.configuration.logFileValidationEnabled;
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted trail', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
