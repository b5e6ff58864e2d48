import { describe, expect, it } from 'vitest';
import { cloudtrailS3DataeventsEnabled as control } from '../../../../src/controls/cloudtrail/cloudtrail-s3-dataevents-enabled.js';
import { CloudTrailTrailsFact } from '../../../../src/index.js';
import { accountVerdict, factItem, type Json } from '../../../helpers.js';

const trail = (over: Json = {}): Json => ({
  name: 'data-trail',
  trailArn: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/data-trail',
  homeRegion: 'eu-west-1',
  isMultiRegionTrail: true,
  isLogging: true,
  eventSelectors: [
    {
      readWriteType: 'All',
      includeManagementEvents: true,
      dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }],
    },
  ],
  ...over,
});
const buckets = (...names: string[]) => ({
  eventSelectors: [
    {
      readWriteType: 'WriteOnly',
      includeManagementEvents: true,
      dataResources: [{ type: 'AWS::S3::Object', values: names.map((n) => `arn:aws:s3:::${n}/`) }],
    },
  ],
});
const facts = (...trails: Json[]) => [factItem(CloudTrailTrailsFact, { trails })];

describe('cloudtrail-s3-dataevents-enabled', () => {
  it('compliant: a logging trail records S3 data events for all buckets', () => {
    const v = accountVerdict(control, facts(trail()));
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Trail data-trail records S3 data events for all buckets.');
  });

  it('compliant: advanced selectors for all S3 objects', () => {
    const t = trail({
      eventSelectors: [],
      advancedEventSelectors: [
        {
          name: 's3',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    });
    expect(accountVerdict(control, facts(t)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no logging trail', () => {
    expect(accountVerdict(control, facts(trail({ isLogging: false }))).annotation).toBe(
      'Account 123456789012 has no logging CloudTrail trail covering eu-west-1.',
    );
  });

  it('non-compliant: no trail records S3 data events', () => {
    const t = trail({ eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }] });
    expect(accountVerdict(control, facts(t)).annotation).toBe('No logging trail records S3 data events.');
  });

  it('non-compliant: data events for some buckets only', () => {
    const v = accountVerdict(control, facts(trail(buckets('invoices', 'app-data'))));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Logging trails record S3 data events only for app-data, invoices, not all buckets.');
  });

  it('non-compliant: advanced selectors narrowed to one bucket', () => {
    const t = trail({
      eventSelectors: [],
      advancedEventSelectors: [
        {
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
            { field: 'resources.ARN', startsWith: ['arn:aws:s3:::invoices/'] },
          ],
        },
      ],
    });
    expect(accountVerdict(control, facts(t)).annotation).toContain('only for invoices');
  });

  it('parameters: S3BucketNames needs each named bucket covered', () => {
    const t = trail(buckets('invoices', 'app-data'));
    const ok = accountVerdict(control, facts(t), { params: { S3BucketNames: 'invoices, app-data' } });
    expect(ok.annotation).toBe('Logging trails record S3 data events for invoices, app-data.');
    const v = accountVerdict(control, facts(t), { params: { S3BucketNames: 'invoices,backups' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('No logging trail records S3 data events for backups.');
    expect(accountVerdict(control, facts(trail()), { params: { S3BucketNames: 'backups' } }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('insufficient data: no trails fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
