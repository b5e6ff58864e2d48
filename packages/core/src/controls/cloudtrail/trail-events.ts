import type { CloudTrailTrail } from '../../facts/index.js';

/** What a trail's event selectors record of management events (basic or advanced selectors; a trail has one kind). */
export interface ManagementEvents {
  included: boolean;
  /** `All`, or `ReadOnly` / `WriteOnly` when only one kind is recorded. */
  readWriteTypes: string[];
  excludedSources: string[];
}

export function managementEvents(trail: CloudTrailTrail): ManagementEvents {
  if (trail.advancedEventSelectors.length > 0) {
    const types = new Set<string>();
    const excluded: string[] = [];
    for (const sel of trail.advancedEventSelectors) {
      const category = sel.fieldSelectors.find((f) => f.field === 'eventCategory');
      if (!category?.equals?.includes('Management')) continue;
      const ro = sel.fieldSelectors.find((f) => f.field === 'readOnly');
      if (ro?.equals?.includes('true')) types.add('ReadOnly');
      else if (ro?.equals?.includes('false')) types.add('WriteOnly');
      else types.add('All');
      for (const f of sel.fieldSelectors) if (f.field === 'eventSource' && f.notEquals) excluded.push(...f.notEquals);
    }
    const readWriteTypes = types.has('All') || (types.has('ReadOnly') && types.has('WriteOnly')) ? ['All'] : [...types];
    return { included: types.size > 0, readWriteTypes, excludedSources: excluded };
  }
  // A trail without selectors records all management events (CloudTrail's default selector).
  if (trail.eventSelectors.length === 0) return { included: true, readWriteTypes: ['All'], excludedSources: [] };
  const mgmt = trail.eventSelectors.filter((s) => s.includeManagementEvents !== false);
  const types = new Set(mgmt.map((s) => s.readWriteType ?? 'All'));
  return {
    included: mgmt.length > 0,
    readWriteTypes: types.has('All') || (types.has('ReadOnly') && types.has('WriteOnly')) ? ['All'] : [...types],
    excludedSources: mgmt.flatMap((s) => s.excludeManagementEventSources ?? []),
  };
}

const ALL_BUCKETS = /^arn:aws[a-z-]*:s3(:::)?$/;
const BUCKET_PREFIX = /^arn:aws[a-z-]*:s3:::([^/]+)\/?/;

/**
 * The S3 data events a trail records: every bucket (`all`), or the named buckets. Basic selectors use
 * `AWS::S3::Object` data resources (`arn:aws:s3` for all buckets, `arn:aws:s3:::bucket/` for one);
 * advanced selectors use `eventCategory` = Data and `resources.type` = AWS::S3::Object, with
 * `resources.ARN` (StartsWith/Equals) to narrow.
 */
export function s3DataEvents(trail: CloudTrailTrail): { all: boolean; buckets: Set<string> } {
  const buckets = new Set<string>();
  let all = false;
  for (const sel of trail.eventSelectors) {
    for (const resource of sel.dataResources) {
      if (resource.type !== 'AWS::S3::Object') continue;
      for (const value of resource.values) {
        if (ALL_BUCKETS.test(value)) all = true;
        else {
          const bucket = BUCKET_PREFIX.exec(value)?.[1];
          if (bucket !== undefined) buckets.add(bucket);
        }
      }
    }
  }
  for (const sel of trail.advancedEventSelectors) {
    const field = (name: string) => sel.fieldSelectors.find((f) => f.field === name);
    if (!field('eventCategory')?.equals?.includes('Data')) continue;
    if (!field('resources.type')?.equals?.includes('AWS::S3::Object')) continue;
    const arn = field('resources.ARN');
    const narrowed = [...(arn?.startsWith ?? []), ...(arn?.equals ?? [])];
    const excludes = (arn?.notStartsWith?.length ?? 0) + (arn?.notEquals?.length ?? 0) > 0;
    if (narrowed.length === 0 && !excludes) {
      all = true;
      continue;
    }
    for (const value of narrowed) {
      if (ALL_BUCKETS.test(value)) all = true;
      else {
        const bucket = BUCKET_PREFIX.exec(value)?.[1];
        if (bucket !== undefined) buckets.add(bucket);
      }
    }
  }
  return { all, buckets };
}
