import { describe, expect, it } from 'vitest';
import { cloudtrailSecurityTrailEnabled as control } from '../../../../src/controls/cloudtrail/cloudtrail-security-trail-enabled.js';
import { CloudTrailTrailsFact } from '../../../../src/index.js';
import { accountVerdict, factItem, type Json } from '../../../helpers.js';

const trail = (over: Json = {}): Json => ({
  name: 'org-trail',
  trailArn: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/org-trail',
  homeRegion: 'eu-west-1',
  isMultiRegionTrail: true,
  isOrganizationTrail: true,
  isLogging: true,
  includeGlobalServiceEvents: true,
  logFileValidationEnabled: true,
  kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/0f5e8a6c-1d2b-4c3a-9e8f-7a6b5c4d3e2f',
  s3BucketName: 'acme-cloudtrail',
  eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }],
  ...over,
});
const facts = (...trails: Json[]) => [factItem(CloudTrailTrailsFact, { trails })];

describe('cloudtrail-security-trail-enabled', () => {
  it('compliant: a trail that meets every criterion', () => {
    const v = accountVerdict(control, facts(trail()));
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', resourceId: '123456789012' });
    expect(v.annotation).toBe('Trail org-trail meets the CloudTrail security best practices.');
  });

  it('compliant: one good trail among others; advanced selectors for all management events', () => {
    const advanced = trail({
      name: 'adv',
      eventSelectors: [],
      advancedEventSelectors: [{ name: 'mgmt', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] }],
    });
    expect(
      accountVerdict(control, facts(trail({ name: 'local', isMultiRegionTrail: false }), advanced)).annotation,
    ).toBe('Trail adv meets the CloudTrail security best practices.');
  });

  it('non-compliant: no trail', () => {
    expect(accountVerdict(control, facts()).annotation).toBe(
      'Account 123456789012 has no CloudTrail trail covering eu-west-1.',
    );
  });

  it('non-compliant: not multi-region, no global service events', () => {
    const v = accountVerdict(control, facts(trail({ isMultiRegionTrail: false, includeGlobalServiceEvents: false })));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'No trail meets the security best practices: org-trail is not multi-region, does not record global service events.',
    );
  });

  it('non-compliant: no log file validation', () => {
    expect(accountVerdict(control, facts(trail({ logFileValidationEnabled: false }))).annotation).toContain(
      'org-trail has no log file validation',
    );
  });

  it('non-compliant: not encrypted with KMS', () => {
    expect(accountVerdict(control, facts(trail({ kmsKeyId: null }))).annotation).toContain(
      'is not encrypted with a KMS key',
    );
  });

  it('non-compliant: write-only management events', () => {
    const t = trail({
      eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [] }],
    });
    expect(accountVerdict(control, facts(t)).annotation).toContain('records only WriteOnly events');
  });

  it('non-compliant: no management events', () => {
    const t = trail({
      eventSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: false,
          dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }],
        },
      ],
    });
    expect(accountVerdict(control, facts(t)).annotation).toContain('does not record management events');
  });

  it('non-compliant: management events of KMS excluded', () => {
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

  it('insufficient data: no trails fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
