import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { type CloudTrailTrail, CloudTrailTrailsFact } from '@rampart/core';
import { configObject, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const TRAIL = 'AWS::CloudTrail::Trail';

/**
 * Two outputs from one listing: the `Rampart::CloudTrail::Trails` fact holds every trail that logs
 * this region (shadow copies of multi-region and organization trails included), while
 * `AWS::CloudTrail::Trail` items exist only in a trail's home region, as AWS Config records them.
 */
export const cloudTrailReader: ServiceReader = {
  service: 'cloudtrail',
  scope: 'regional',
  resourceTypes: [TRAIL],
  factTypes: [CloudTrailTrailsFact.type],
  async read(ctx) {
    const ct = ctx.clients.get(CloudTrailClient, 'cloudtrail', ctx.region);
    const trails = await ctx.attempt(
      'DescribeTrails',
      [CloudTrailTrailsFact.type, ...(ctx.readResources ? [TRAIL] : [])],
      async () => (await ct.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [],
    );
    if (trails === undefined) return;
    const details = await ctx.attempt('GetTrailStatus', [CloudTrailTrailsFact.type], () =>
      ctx.limiter.map(trails, async (t: Trail): Promise<CloudTrailTrail> => {
        const status = await ct.send(new GetTrailStatusCommand({ Name: t.TrailARN ?? t.Name }));
        const selectors = await ct.send(new GetEventSelectorsCommand({ TrailName: t.TrailARN ?? t.Name }));
        return {
          name: t.Name ?? '',
          trailArn: t.TrailARN ?? '',
          homeRegion: t.HomeRegion ?? ctx.region,
          isMultiRegionTrail: t.IsMultiRegionTrail === true,
          isOrganizationTrail: t.IsOrganizationTrail === true,
          isLogging: status.IsLogging === true,
          includeGlobalServiceEvents: t.IncludeGlobalServiceEvents !== false,
          logFileValidationEnabled: t.LogFileValidationEnabled === true,
          kmsKeyId: t.KmsKeyId ?? null,
          s3BucketName: t.S3BucketName ?? null,
          cloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn ?? null,
          latestCloudWatchLogsDeliveryTime: status.LatestCloudWatchLogsDeliveryTime?.toISOString() ?? null,
          eventSelectors: (selectors.EventSelectors ?? []).map((s) => ({
            readWriteType: s.ReadWriteType,
            includeManagementEvents: s.IncludeManagementEvents,
            excludeManagementEventSources: s.ExcludeManagementEventSources,
            dataResources: (s.DataResources ?? []).map((d) => ({ type: d.Type ?? '', values: d.Values ?? [] })),
          })),
          advancedEventSelectors: (selectors.AdvancedEventSelectors ?? []).map((s) => ({
            name: s.Name,
            fieldSelectors: (s.FieldSelectors ?? []).map((f) => ({
              field: f.Field ?? '',
              equals: f.Equals,
              notEquals: f.NotEquals,
              startsWith: f.StartsWith,
              notStartsWith: f.NotStartsWith,
              endsWith: f.EndsWith,
              notEndsWith: f.NotEndsWith,
            })),
          })),
        };
      }),
    );
    if (details !== undefined) ctx.fact(CloudTrailTrailsFact, { trails: details });
    if (!ctx.readResources) return;
    await ctx.limiter.map(
      trails.filter((t) => t.HomeRegion === ctx.region),
      async (t) => {
        try {
          const tags = await ct.send(new ListTagsCommand({ ResourceIdList: [t.TrailARN!] }));
          const configuration = configObject(t);
          configuration['kmsKeyId'] ??= null;
          configuration['cloudWatchLogsLogGroupArn'] ??= null;
          configuration['cloudWatchLogsRoleArn'] ??= null;
          ctx.item({
            resourceType: TRAIL,
            resourceId: t.Name!,
            resourceName: t.Name,
            arn: t.TrailARN,
            tags: tagMap(tags.ResourceTagList?.[0]?.TagsList),
            configuration,
          });
        } catch (error) {
          ctx.fail('ListTags', [TRAIL], error, undefined, `trail ${t.Name}`);
        }
      },
    );
  },
};
