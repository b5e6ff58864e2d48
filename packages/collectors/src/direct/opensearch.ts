import {
  DescribeElasticsearchDomainsCommand,
  type ElasticsearchDomainStatus,
  ElasticsearchServiceClient,
  ListDomainNamesCommand as ListEsDomainNamesCommand,
  ListTagsCommand as ListEsTagsCommand,
} from '@aws-sdk/client-elasticsearch-service';
import {
  DescribeDomainsCommand,
  type DomainStatus,
  ListDomainNamesCommand,
  ListTagsCommand,
  OpenSearchClient,
} from '@aws-sdk/client-opensearch';
import { beanKeysShape, pick, plainShape, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const OPENSEARCH = 'AWS::OpenSearch::Domain';
const ELASTICSEARCH = 'AWS::Elasticsearch::Domain';

/** DescribeDomains and DescribeElasticsearchDomains take at most 5 names a call. */
const BATCH = 5;

function batches<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Top-level fields of the OpenSearch item (AWS Config's CloudFormation-like PascalCase shape). */
const OPENSEARCH_KEYS = [
  'ClusterConfig',
  'EBSOptions',
  'VPCOptions',
  'EncryptionAtRestOptions',
  'NodeToNodeEncryptionOptions',
  'DomainEndpointOptions',
  'AdvancedSecurityOptions',
  'LogPublishingOptions',
  'SnapshotOptions',
  'SoftwareUpdateOptions',
  'OffPeakWindowOptions',
] as const;

/** `AWS::OpenSearch::Domain` as AWS Config records it (resource id: the domain name). */
export function openSearchConfiguration(d: DomainStatus): Record<string, unknown> {
  const picked = pick(d, OPENSEARCH_KEYS);
  if (d.VPCOptions !== undefined) picked['VPCOptions'] = pick(d.VPCOptions, ['SubnetIds', 'SecurityGroupIds']);
  if (d.AdvancedSecurityOptions !== undefined) {
    picked['AdvancedSecurityOptions'] = pick(d.AdvancedSecurityOptions, [
      'Enabled',
      'InternalUserDatabaseEnabled',
      'AnonymousAuthEnabled',
      'AnonymousAuthDisableDate',
      'SAMLOptions',
    ]);
  }
  const endpoint = d.Endpoint ?? d.Endpoints?.['vpc'];
  return plainShape({
    Arn: d.ARN,
    DomainArn: d.ARN,
    DomainName: d.DomainName,
    Id: d.DomainId,
    EngineVersion: d.EngineVersion,
    ...(d.CognitoOptions?.Enabled === true ? { CognitoOptions: d.CognitoOptions } : {}),
    ...picked,
    DomainEndpoint: endpoint,
  }) as Record<string, unknown>;
}

const ES_OMIT = [
  'AccessPolicies',
  'AdvancedOptions',
  'AutoTuneOptions',
  'ChangeProgressDetails',
  'CognitoOptions',
  'DomainProcessingStatus',
  'Endpoint',
  'ModifyingProperties',
] as const;

/**
 * `AWS::Elasticsearch::Domain` as AWS Config records it: Java-bean names (`ebsoptions`, `vpcoptions.vpcid`,
 * `domainEndpointOptions.tlssecurityPolicy`), log type keys kept.
 */
export function elasticsearchConfiguration(d: ElasticsearchDomainStatus): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...d };
  for (const k of ES_OMIT) delete copy[k];
  if (d.CognitoOptions?.Enabled === true) copy['CognitoOptions'] = d.CognitoOptions;
  return beanKeysShape(copy, new Set(['logPublishingOptions', 'endpoints'])) as Record<string, unknown>;
}

function readOpenSearch(ctx: ReaderContext): Promise<unknown> {
  const client = ctx.clients.get(OpenSearchClient, 'opensearch', ctx.region);
  return ctx.attempt('ListDomainNames', [OPENSEARCH], async () => {
    const listed = await client.send(new ListDomainNamesCommand({ EngineType: 'OpenSearch' }));
    // Emulators may ignore the filter: the engine type of each entry decides.
    const names = (listed.DomainNames ?? []).filter((n) => n.EngineType !== 'Elasticsearch').map((n) => n.DomainName!);
    const statuses: DomainStatus[] = [];
    for (const batch of batches(names, BATCH)) {
      const out = await client.send(new DescribeDomainsCommand({ DomainNames: batch }));
      statuses.push(...(out.DomainStatusList ?? []));
    }
    await ctx.limiter.map(statuses, async (d) => {
      const name = d.DomainName!;
      try {
        const tags = await client.send(new ListTagsCommand({ ARN: d.ARN }));
        ctx.item({
          resourceType: OPENSEARCH,
          resourceId: name,
          resourceName: name,
          arn: d.ARN,
          tags: tagMap(tags.TagList),
          configuration: openSearchConfiguration(d),
        });
      } catch (error) {
        ctx.fail('ListTags', [OPENSEARCH], error, undefined, `domain ${name}`);
      }
    });
  });
}

function readElasticsearch(ctx: ReaderContext): Promise<unknown> {
  const client = ctx.clients.get(ElasticsearchServiceClient, 'elasticsearch-service', ctx.region);
  return ctx.attempt('ListDomainNames', [ELASTICSEARCH], async () => {
    const listed = await client.send(new ListEsDomainNamesCommand({ EngineType: 'Elasticsearch' }));
    const names = (listed.DomainNames ?? []).filter((n) => n.EngineType !== 'OpenSearch').map((n) => n.DomainName!);
    const statuses: ElasticsearchDomainStatus[] = [];
    for (const batch of batches(names, BATCH)) {
      const out = await client.send(new DescribeElasticsearchDomainsCommand({ DomainNames: batch }));
      statuses.push(...(out.DomainStatusList ?? []));
    }
    await ctx.limiter.map(statuses, async (d) => {
      const name = d.DomainName!;
      try {
        const tags = await client.send(new ListEsTagsCommand({ ARN: d.ARN }));
        ctx.item({
          resourceType: ELASTICSEARCH,
          resourceId: name,
          resourceName: name,
          arn: d.ARN,
          tags: tagMap(tags.TagList),
          configuration: elasticsearchConfiguration(d),
        });
      } catch (error) {
        ctx.fail('ListTags', [ELASTICSEARCH], error, undefined, `domain ${name}`);
      }
    });
  });
}

/**
 * OpenSearch Service domains (resource id: the domain name). A domain is recorded once: as
 * `AWS::OpenSearch::Domain` when it runs OpenSearch, as `AWS::Elasticsearch::Domain` (read through the
 * Elasticsearch API, in its shape) when it runs Elasticsearch.
 */
export const openSearchReader: ServiceReader = {
  service: 'opensearch',
  scope: 'regional',
  resourceTypes: [OPENSEARCH],
  factTypes: [],
  async read(ctx) {
    if (ctx.wants(OPENSEARCH)) await readOpenSearch(ctx);
  },
};

export const elasticsearchReader: ServiceReader = {
  service: 'elasticsearch-service',
  scope: 'regional',
  resourceTypes: [ELASTICSEARCH],
  factTypes: [],
  async read(ctx) {
    if (ctx.wants(ELASTICSEARCH)) await readElasticsearch(ctx);
  },
};
