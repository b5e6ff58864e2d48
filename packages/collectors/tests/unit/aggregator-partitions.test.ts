import { ConfigServiceClient, SelectAggregateResourceConfigCommand } from '@aws-sdk/client-config-service';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snsReader } from '../../src/direct/sns.js';
import { type PartitionPage, partitionCountExpression, partitionExpression, Scanner } from '../../src/index.js';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const sts = mockClient(STSClient);
const config = mockClient(ConfigServiceClient);

beforeEach(() => {
  sts.reset();
  config.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});
afterEach(() => {
  sts.reset();
  config.reset();
});

function scanner(regions?: string[]) {
  return new Scanner({
    homeRegion: 'eu-west-1',
    ...(regions !== undefined ? { regions } : {}),
    aggregator: 'org',
    readers: [snsReader],
    credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
    maxAttempts: 1,
    now: () => new Date('2026-11-29T08:00:00Z'),
  });
}

const topic = (accountId: string, region: string, id: string) =>
  JSON.stringify({ accountId, awsRegion: region, resourceType: 'AWS::SNS::Topic', resourceId: id, configuration: {} });

describe('aggregator partitions', () => {
  it('builds the aggregation query and the per-partition query', () => {
    expect(partitionCountExpression(['AWS::SNS::Topic'])).toBe(
      "SELECT accountId, awsRegion, COUNT(*) WHERE resourceType IN ('AWS::SNS::Topic') GROUP BY accountId, awsRegion",
    );
    expect(partitionCountExpression(['AWS::SNS::Topic'], ['eu-west-1'])).toContain(
      "AND awsRegion IN ('eu-west-1', 'global') GROUP BY",
    );
    expect(partitionExpression(['AWS::SNS::Topic'], ACCOUNT, 'global')).toMatch(
      /^SELECT accountId, .* WHERE resourceType IN \('AWS::SNS::Topic'\) AND accountId = '123456789012' AND awsRegion = 'global'$/,
    );
    expect(() => partitionExpression(['AWS::SNS::Topic'], "1' OR '1", 'eu-west-1')).toThrow(RangeError);
    expect(() => partitionExpression(['AWS::SNS::Topic'], ACCOUNT, "x' OR 'y")).toThrow(RangeError);
  });

  it('lists partitions sorted by account and region, yields each page by page, global first per account', async () => {
    config.on(SelectAggregateResourceConfigCommand).callsFake((input) => {
      const expression = input.Expression as string;
      if (expression.includes('GROUP BY')) {
        return {
          Results: [
            JSON.stringify({ accountId: OTHER, awsRegion: 'eu-west-1', 'COUNT(*)': 1 }),
            JSON.stringify({ accountId: ACCOUNT, awsRegion: 'us-east-1', 'COUNT(*)': 3 }),
            JSON.stringify({ accountId: ACCOUNT, awsRegion: 'eu-west-1', 'COUNT(*)': 1 }),
          ],
        };
      }
      const [, accountId, region] = /accountId = '(\d+)' AND awsRegion = '([a-z0-9-]+)'/.exec(expression)!;
      if (region === 'us-east-1' && input.NextToken === undefined) {
        return { Results: [topic(accountId!, region, 'a'), topic(accountId!, region, 'b')], NextToken: 'p2' };
      }
      return { Results: [topic(accountId!, region!, 'c')] };
    });
    const s = scanner();
    try {
      const errors: unknown[] = [];
      const partitions = await s.aggregatorPartitions({ error: (e) => errors.push(e) });
      expect(errors).toEqual([]);
      expect(partitions).toEqual([
        { accountId: ACCOUNT, region: 'eu-west-1', count: 1 },
        { accountId: ACCOUNT, region: 'us-east-1', count: 3 },
        { accountId: OTHER, region: 'eu-west-1', count: 1 },
      ]);
      const pages: PartitionPage[] = [];
      for await (const page of s.readPartitions(partitions)) pages.push(page);
      // Each page as the API returned it (never a whole partition), then an empty last page closing it.
      expect(pages.map((p) => [p.accountId, p.region, p.rows.map((r) => r.resourceId).join(''), p.last])).toEqual([
        [ACCOUNT, 'global', '', true],
        [ACCOUNT, 'eu-west-1', 'c', false],
        [ACCOUNT, 'eu-west-1', '', true],
        [ACCOUNT, 'us-east-1', 'ab', false],
        [ACCOUNT, 'us-east-1', 'c', false],
        [ACCOUNT, 'us-east-1', '', true],
        [OTHER, 'global', '', true],
        [OTHER, 'eu-west-1', 'c', false],
        [OTHER, 'eu-west-1', '', true],
      ]);
      expect(pages.every((p) => p.error === undefined)).toBe(true);
      // No query for a global partition the aggregator does not hold.
      const queries = config.commandCalls(SelectAggregateResourceConfigCommand).map((c) => c.args[0].input);
      expect(queries.filter((q) => q.Expression!.includes("awsRegion = 'global'"))).toEqual([]);
      expect(queries.every((q) => q.ConfigurationAggregatorName === 'org' && q.Limit === 100)).toBe(true);
    } finally {
      s.destroy();
    }
  });

  it('ends a partition whose read fails part way with the pages it got, then the error', async () => {
    config.on(SelectAggregateResourceConfigCommand).callsFake((input) => {
      const [, accountId, region] = /accountId = '(\d+)' AND awsRegion = '([a-z0-9-]+)'/.exec(input.Expression)!;
      if (region === 'eu-west-1' && input.NextToken === undefined) {
        return { Results: [topic(accountId!, region, 'a')], NextToken: 'p2' };
      }
      if (region === 'eu-west-1')
        throw Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: {} });
      return { Results: [topic(accountId!, region!, 'b')] };
    });
    const s = scanner();
    try {
      const pages: PartitionPage[] = [];
      for await (const page of s.readPartitions([
        { accountId: ACCOUNT, region: 'eu-west-1', count: 2 },
        { accountId: ACCOUNT, region: 'us-east-1', count: 1 },
      ]))
        pages.push(page);
      expect(pages.map((p) => [p.region, p.rows.length, p.last, p.error?.code])).toEqual([
        ['global', 0, true, undefined],
        ['eu-west-1', 1, false, undefined],
        ['eu-west-1', 0, true, 'ThrottlingException'],
        ['us-east-1', 1, false, undefined],
        ['us-east-1', 0, true, undefined],
      ]);
      expect(pages[2]!.error).toMatchObject({
        accountId: ACCOUNT,
        region: 'eu-west-1',
        resourceTypes: ['AWS::SNS::Topic'],
      });
    } finally {
      s.destroy();
    }
  });

  it('reports a failed partition with what it read, and a failed listing in every scanned region', async () => {
    config.on(SelectAggregateResourceConfigCommand).callsFake((input) => {
      if ((input.Expression as string).includes('GROUP BY')) {
        throw Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} });
      }
      throw Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: {} });
    });
    const s = scanner(['eu-west-1', 'us-east-1']);
    try {
      const errors: { region: string; operation: string; code: string }[] = [];
      expect(await s.aggregatorPartitions({ error: (e) => errors.push(e) })).toEqual([]);
      expect(errors.map((e) => [e.region, e.operation, e.code])).toEqual([
        ['eu-west-1', 'SelectAggregateResourceConfig', 'AccessDeniedException'],
        ['us-east-1', 'SelectAggregateResourceConfig', 'AccessDeniedException'],
      ]);
      const pages: PartitionPage[] = [];
      for await (const page of s.readPartitions([{ accountId: OTHER, region: 'global', count: 2 }])) pages.push(page);
      expect(pages).toHaveLength(1);
      expect(pages[0]!.last).toBe(true);
      expect(pages[0]!.error).toMatchObject({
        accountId: OTHER,
        region: 'global',
        service: 'config',
        operation: 'SelectAggregateResourceConfig',
        resourceTypes: ['AWS::SNS::Topic'],
        code: 'ThrottlingException',
      });
    } finally {
      s.destroy();
    }
  });
});
