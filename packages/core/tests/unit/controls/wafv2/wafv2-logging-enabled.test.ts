import { describe, expect, it } from 'vitest';
import { wafv2LoggingEnabled as control } from '../../../../src/controls/wafv2/wafv2-logging-enabled.js';
import { Wafv2LoggingConfigurationsFact } from '../../../../src/index.js';
import { ACCOUNT, factItem, fixture, REGION, toApiShape, verdict } from '../../../helpers.js';

const acl = () => fixture('AWS::WAFv2::WebACL', 'regional-managed');
const ACL_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/rampart-regional/6f2c0d4e-1a3b-4c5d-8e9f-0a1b2c3d4e5f`;
const LOGS = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-waf-logs-rampart`;
const FIREHOSE = `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/aws-waf-logs-central`;

const logging = (destinations: string[] = [LOGS], resourceArn = ACL_ARN) =>
  factItem(Wafv2LoggingConfigurationsFact, {
    loggingConfigurations: [{ resourceArn, logDestinationConfigs: destinations, managedByFirewallManager: false }],
  });

describe('wafv2-logging-enabled', () => {
  it('compliant: the fact lists a logging configuration', () => {
    const v = verdict(control, acl(), { with: [logging()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Web ACL rampart-regional logs to ${LOGS}.`);
  });

  it('compliant: Config API shape', () => {
    expect(verdict(control, toApiShape(acl()), { with: [logging()] }).compliance).toBe('COMPLIANT');
  });

  it('compliant: a directly read item carries its logging configuration', () => {
    const ci = acl();
    ci.supplementaryConfiguration.LoggingConfiguration = { resourceArn: ACL_ARN, logDestinationConfigs: [LOGS] };
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no logging configuration for the web ACL', () => {
    const v = verdict(control, acl(), { with: [logging([LOGS], `${ACL_ARN}-other`)] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Web ACL rampart-regional has no logging configuration.');
  });

  it('non-compliant: a directly read item without logging', () => {
    const ci = acl();
    ci.supplementaryConfiguration.LoggingConfiguration = null;
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant with KinesisFirehoseDeliveryStreamArns: another destination', () => {
    const v = verdict(control, acl(), { with: [logging()], params: { KinesisFirehoseDeliveryStreamArns: FIREHOSE } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Web ACL rampart-regional logs to ${LOGS}, not in KinesisFirehoseDeliveryStreamArns.`);
  });

  it('compliant with KinesisFirehoseDeliveryStreamArns: the listed stream', () => {
    const v = verdict(control, acl(), {
      with: [logging([FIREHOSE])],
      params: { KinesisFirehoseDeliveryStreamArns: FIREHOSE },
    });
    expect(v.compliance).toBe('COMPLIANT');
  });

  it('insufficient data: no logging fact', () => {
    expect(verdict(control, acl()).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: deleted web ACL', () => {
    const ci = acl();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [logging()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
