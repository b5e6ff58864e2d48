import { describe, expect, it } from 'vitest';
import { multiRegionCloudtrailEnabled as control } from '../../../../src/controls/cloudtrail/multi-region-cloudtrail-enabled.js';
import { CloudTrailTrailsFact } from '../../../../src/index.js';
import { accountVerdict, factItem, type Json } from '../../../helpers.js';

const trail = (over: Json = {}): Json => ({
  name: 'org-trail',
  trailArn: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/org-trail',
  homeRegion: 'eu-west-1',
  isMultiRegionTrail: true,
  isOrganizationTrail: false,
  isLogging: true,
  logFileValidationEnabled: true,
  kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/0f5e8a6c-1d2b-4c3a-9e8f-7a6b5c4d3e2f',
  s3BucketName: 'acme-cloudtrail',
  eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }],
  ...over,
});
const facts = (...trails: Json[]) => [factItem(CloudTrailTrailsFact, { trails })];

describe('multi-region-cloudtrail-enabled', () => {
  it('compliant: a logging multi-region trail with all management events', () => {
    expect(accountVerdict(control, facts(trail())).compliance).toBe('COMPLIANT');
  });

  it('compliant: a trail with no selectors records all management events', () => {
    expect(accountVerdict(control, facts(trail({ eventSelectors: [] }))).compliance).toBe('COMPLIANT');
  });

  it('compliant: advanced selectors with management events', () => {
    const t = trail({
      eventSelectors: [],
      advancedEventSelectors: [{ name: 'mgmt', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] }],
    });
    expect(accountVerdict(control, facts(t)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no trail', () => {
    const v = accountVerdict(control, facts());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Account 123456789012 has no CloudTrail trail covering eu-west-1.');
  });

  it('non-compliant: single-region trail', () => {
    const v = accountVerdict(control, facts(trail({ isMultiRegionTrail: false })));
    expect(v.annotation).toBe('No trail qualifies: org-trail is not multi-region.');
  });

  it('non-compliant: multi-region trail not logging', () => {
    expect(accountVerdict(control, facts(trail({ isLogging: false }))).annotation).toContain('is not logging');
  });

  it('non-compliant: management events excluded for KMS', () => {
    const t = trail({
      eventSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          excludeManagementEventSources: ['kms.amazonaws.com'],
          dataResources: [],
        },
      ],
    });
    expect(accountVerdict(control, facts(t)).annotation).toContain('excludes management events from kms.amazonaws.com');
  });

  it('non-compliant: write-only management events', () => {
    const t = trail({
      eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [] }],
    });
    expect(accountVerdict(control, facts(t)).annotation).toContain('records WriteOnly management events, not All');
  });

  it('parameters: WRITE_ONLY accepts a write-only trail; s3BucketName must match', () => {
    const t = trail({
      eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [] }],
    });
    expect(accountVerdict(control, facts(t), { params: { readWriteType: 'WRITE_ONLY' } }).compliance).toBe('COMPLIANT');
    const v = accountVerdict(control, facts(trail()), { params: { s3BucketName: 'other-bucket' } });
    expect(v.annotation).toContain('delivers to bucket acme-cloudtrail');
  });

  it('insufficient data: no trails fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
