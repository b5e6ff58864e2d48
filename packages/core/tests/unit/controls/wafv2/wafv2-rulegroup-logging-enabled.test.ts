import { describe, expect, it } from 'vitest';
import { wafv2RulegroupLoggingEnabled as control } from '../../../../src/controls/wafv2/wafv2-rulegroup-logging-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::WAFv2::RuleGroup', 'geo-block');

describe('wafv2-rulegroup-logging-enabled', () => {
  it('compliant: CloudWatch metrics enabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Rule group geo-block publishes CloudWatch metrics as geo-block.');
  });

  it('non-compliant: CloudWatch metrics disabled', () => {
    const ci = happy();
    ci.configuration.visibilityConfig.cloudWatchMetricsEnabled = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Rule group geo-block does not publish CloudWatch metrics.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted rule group', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
