import {
  BatchGetResourceConfigCommand,
  type ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  paginateListDiscoveredResources,
  paginateSelectAggregateResourceConfig,
  paginateSelectResourceConfig,
  type ResourceType,
} from '@aws-sdk/client-config-service';
import { plainShape } from './ci.js';
import { errorCode } from './errors.js';

/** The fields of a configuration item that Rampart needs from an advanced query. */
const SELECT_FIELDS = [
  'accountId',
  'awsRegion',
  'resourceType',
  'resourceId',
  'resourceName',
  'arn',
  'configurationItemCaptureTime',
  'configurationItemStatus',
  'tags',
  'relationships',
  'configuration',
  'supplementaryConfiguration',
].join(', ');

/** The advanced query for the resource types the controls read (type names are validated, never user text). */
export function selectExpression(resourceTypes: readonly string[], regions?: readonly string[]): string {
  for (const t of [...resourceTypes, ...(regions ?? [])]) {
    if (!/^[A-Za-z0-9:-]+$/.test(t)) throw new RangeError(`not a resource type or region: ${t}`);
  }
  let where = `resourceType IN (${resourceTypes.map((t) => `'${t}'`).join(', ')})`;
  if (regions !== undefined && regions.length > 0) {
    // Global resources (IAM, CloudFront) are recorded in region `global`: a region filter keeps them.
    const wanted = [...new Set([...regions, 'global'])];
    where += ` AND awsRegion IN (${wanted.map((r) => `'${r}'`).join(', ')})`;
  }
  return `SELECT ${SELECT_FIELDS} WHERE ${where}`;
}

/** One result row of SelectResourceConfig: a JSON string, decoded. */
export function parseSelectRow(row: string): Record<string, unknown> {
  const value = JSON.parse(row) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new SyntaxError('a result row is not a JSON object');
  return value as Record<string, unknown>;
}

/** Whether a configuration recorder records in the region (what `--source auto` decides on). */
export async function isRecording(config: ConfigServiceClient): Promise<boolean> {
  const out = await config.send(new DescribeConfigurationRecorderStatusCommand({}));
  return (out.ConfigurationRecordersStatus ?? []).some((s) => s.recording === true);
}

/** Select is unavailable: the fallback to ListDiscoveredResources + BatchGetResourceConfig is then taken. */
export function selectUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'InvalidExpressionException' ||
    code === 'UnknownOperationException' ||
    code === 'NotImplemented' ||
    code === 'InternalFailure'
  );
}

/** Advanced-query rows, one page at a time (memory stays proportional to a page). */
export async function* selectRows(
  config: ConfigServiceClient,
  expression: string,
): AsyncGenerator<Record<string, unknown>[]> {
  for await (const page of paginateSelectResourceConfig(
    { client: config, pageSize: 100 },
    { Expression: expression },
  )) {
    yield (page.Results ?? []).map(parseSelectRow);
  }
}

/** Aggregator rows (every account and region the aggregator holds), one page at a time. */
export async function* selectAggregateRows(
  config: ConfigServiceClient,
  aggregator: string,
  expression: string,
): AsyncGenerator<Record<string, unknown>[]> {
  const pages = paginateSelectAggregateResourceConfig(
    { client: config, pageSize: 100 },
    { ConfigurationAggregatorName: aggregator, Expression: expression },
  );
  for await (const page of pages) yield (page.Results ?? []).map(parseSelectRow);
}

/**
 * Items of one type through ListDiscoveredResources and BatchGetResourceConfig (100 keys a call),
 * in the API shape (`configuration` and supplementary values as JSON strings), one batch at a time.
 * BatchGetResourceConfig returns no tags or relationships; what the API does not give is not invented.
 */
export async function* discoveredItems(
  config: ConfigServiceClient,
  resourceType: string,
): AsyncGenerator<Record<string, unknown>[]> {
  let keys: { resourceType: ResourceType; resourceId: string }[] = [];
  const flush = async function* () {
    if (keys.length === 0) return;
    const out = await config.send(new BatchGetResourceConfigCommand({ resourceKeys: keys }));
    keys = [];
    const unprocessed = out.unprocessedResourceKeys ?? [];
    if (unprocessed.length > 0) {
      // Throttled keys come back unprocessed; one retry through the SDK's adaptive limiter, then it is an error.
      const again = await config.send(new BatchGetResourceConfigCommand({ resourceKeys: unprocessed }));
      if ((again.unprocessedResourceKeys ?? []).length > 0) {
        throw new UnprocessedKeysError(
          `BatchGetResourceConfig left ${again.unprocessedResourceKeys!.length} ${resourceType} item(s) unprocessed`,
        );
      }
      yield (again.baseConfigurationItems ?? []).map((i) => plainShape(i) as Record<string, unknown>);
    }
    yield (out.baseConfigurationItems ?? []).map((i) => plainShape(i) as Record<string, unknown>);
  };
  for await (const page of paginateListDiscoveredResources(
    { client: config },
    { resourceType: resourceType as ResourceType },
  )) {
    for (const r of page.resourceIdentifiers ?? []) {
      if (r.resourceDeletionTime !== undefined) continue; // deleted resources have no current item
      keys.push({ resourceType: resourceType as ResourceType, resourceId: r.resourceId! });
      if (keys.length === 100) yield* flush();
    }
  }
  yield* flush();
}

export class UnprocessedKeysError extends Error {
  override readonly name = 'UnprocessedKeysError';
}

/** One (account, region) partition of an aggregator and how many of the wanted items it holds. */
export interface AggregatorPartition {
  accountId: string;
  /** A region, or `global` for IAM and the other global types. */
  region: string;
  count: number;
}

function checkLiteral(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new RangeError(`not ${what}: ${value}`);
  return value;
}

function typeFilter(resourceTypes: readonly string[], regions?: readonly string[]): string {
  return selectExpression(resourceTypes, regions).replace(/^SELECT .* WHERE /, '');
}

/**
 * The aggregation query that lists the partitions: `SELECT accountId, awsRegion, COUNT(*) WHERE …
 * GROUP BY accountId, awsRegion` (advanced queries support GROUP BY and COUNT through
 * SelectAggregateResourceConfig; aggregation results come back as rows like
 * `{"accountId":"…","awsRegion":"…","COUNT(*)":7}`).
 */
export function partitionCountExpression(resourceTypes: readonly string[], regions?: readonly string[]): string {
  return `SELECT accountId, awsRegion, COUNT(*) WHERE ${typeFilter(resourceTypes, regions)} GROUP BY accountId, awsRegion`;
}

/** The item query of one partition (account id and region are validated, never user text). */
export function partitionExpression(resourceTypes: readonly string[], accountId: string, region: string): string {
  checkLiteral(accountId, /^\d{12}$/, 'an account id');
  checkLiteral(region, /^[a-z0-9-]+$/, 'a region');
  return `${selectExpression(resourceTypes)} AND accountId = '${accountId}' AND awsRegion = '${region}'`;
}

function countOf(row: Record<string, unknown>): number {
  for (const [key, value] of Object.entries(row)) {
    if (/^count/i.test(key)) return typeof value === 'number' ? value : Number(value);
  }
  return Number.NaN;
}

/**
 * The aggregator's partitions holding wanted items, sorted by account then region (the order
 * DESIGN.md fixes for the output). One aggregation query, paged; rows are a few per account.
 */
export async function aggregatorPartitions(
  config: ConfigServiceClient,
  aggregator: string,
  resourceTypes: readonly string[],
  regions?: readonly string[],
): Promise<AggregatorPartition[]> {
  const partitions = new Map<string, AggregatorPartition>();
  for await (const rows of selectAggregateRows(config, aggregator, partitionCountExpression(resourceTypes, regions))) {
    for (const row of rows) {
      const accountId = row.accountId;
      const region = row.awsRegion;
      if (typeof accountId !== 'string' || typeof region !== 'string') {
        throw new SyntaxError(`an aggregation row lacks accountId or awsRegion: ${JSON.stringify(row)}`);
      }
      const key = `${accountId}\u0000${region}`;
      const count = countOf(row);
      const existing = partitions.get(key);
      if (existing !== undefined) existing.count += count;
      else partitions.set(key, { accountId, region, count });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...partitions.values()].sort((a, b) => cmp(a.accountId, b.accountId) || cmp(a.region, b.region));
}
