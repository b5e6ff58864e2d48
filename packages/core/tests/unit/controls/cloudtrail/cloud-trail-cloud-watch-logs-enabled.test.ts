import { describe, expect, it } from 'vitest';
import { cloudTrailCloudWatchLogsEnabled as control } from '../../../../src/controls/cloudtrail/cloud-trail-cloud-watch-logs-enabled.js';
import { CloudTrailTrailsFact } from '../../../../src/index.js';
import { factItem, fixture, type Json, verdict } from '../../../helpers.js';

const LOG_GROUP = 'arn:aws:logs:eu-west-1:123456789012:log-group:aws-cloudtrail-logs-acme:*';
const happy = () => fixture('AWS::CloudTrail::Trail', 'multi-region');
const status = (over: Json = {}) =>
  factItem(CloudTrailTrailsFact, {
    trails: [
      {
        name: 'acme-management-trail',
        trailArn: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/acme-management-trail',
        homeRegion: 'eu-west-1',
        isMultiRegionTrail: true,
        isLogging: true,
        cloudWatchLogsLogGroupArn: LOG_GROUP,
        latestCloudWatchLogsDeliveryTime: '2026-11-29T07:41:12Z',
        ...over,
      },
    ],
  });
const window = (hours: number) => ({ params: { expectedDeliveryWindowAge: String(hours) } });

describe('cloud-trail-cloud-watch-logs-enabled', () => {
  it('compliant: trail delivers to a CloudWatch Logs log group', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Trail acme-management-trail sends events to CloudWatch Logs log group ${LOG_GROUP}.`);
  });

  it('non-compliant: no CloudWatch Logs log group', () => {
    const ci = happy();
    ci.configuration.cloudWatchLogsLogGroupArn = null;
    ci.configuration.cloudWatchLogsRoleArn = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Trail acme-management-trail does not send events to CloudWatch Logs.');
  });

  it('compliant with expectedDeliveryWindowAge: delivered within the window', () => {
    const v = verdict(control, happy(), { ...window(24), with: [status()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      `Trail acme-management-trail sends events to CloudWatch Logs log group ${LOG_GROUP}, last at 2026-11-29T07:41:12Z.`,
    );
  });

  it('non-compliant with expectedDeliveryWindowAge: latest delivery is too old', () => {
    const v = verdict(control, happy(), {
      ...window(24),
      with: [status({ latestCloudWatchLogsDeliveryTime: '2026-11-27T06:00:00Z' })],
    });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Trail acme-management-trail last delivered events to CloudWatch Logs at 2026-11-27T06:00:00Z, more than 24 hours ago.',
    );
  });

  it('non-compliant with expectedDeliveryWindowAge: never delivered', () => {
    const v = verdict(control, happy(), { ...window(24), with: [status({ latestCloudWatchLogsDeliveryTime: null })] });
    expect(v.annotation).toBe('Trail acme-management-trail has never delivered events to CloudWatch Logs.');
  });

  it('insufficient data with expectedDeliveryWindowAge: no trails fact', () => {
    const v = verdict(control, happy(), window(24));
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'The input holds no Rampart::CloudTrail::Trails fact for account 123456789012 in eu-west-1.',
    );
  });

  it('insufficient data with expectedDeliveryWindowAge: delivery time not collected', () => {
    const fact = status();
    delete fact.configuration.trails[0].latestCloudWatchLogsDeliveryTime;
    const v = verdict(control, happy(), { ...window(24), with: [fact] });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'The latest CloudWatch Logs delivery time of trail acme-management-trail was not collected.',
    );
  });

  it('rejects a non-numeric expectedDeliveryWindowAge', () => {
    expect(() => control.parseParameters({ expectedDeliveryWindowAge: 'soon' })).toThrow(/expectedDeliveryWindowAge/);
  });

  it('not applicable: deleted trail', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
