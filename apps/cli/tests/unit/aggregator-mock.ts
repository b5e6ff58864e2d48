import { createRequire } from 'node:module';
import type { ServiceReader } from '@rampart/collectors';
import { EbsEncryptionByDefaultFact } from '@rampart/core';
import { evaluateCommand } from '../../src/commands/evaluate.js';
import { scanCommand } from '../../src/commands/scan.js';
import type { PartitionStats } from '../../src/commands/scan-partitions.js';

// The SDK clients and aws-sdk-client-mock are dependencies of @rampart/collectors (pnpm does not hoist
// them): take them from there, so the mock patches the very classes the collectors use.
const require = createRequire(new URL('../../../../packages/collectors/package.json', import.meta.url));
const { mockClient } = require('aws-sdk-client-mock');
const { ConfigServiceClient, SelectAggregateResourceConfigCommand } = require('@aws-sdk/client-config-service');
const { GetCallerIdentityCommand, STSClient } = require('@aws-sdk/client-sts');

export const CALLER = '123456789012';
export const HOME = 'eu-west-1';

/** An organization as an aggregator serves it: its partitions and their rows (JSON strings, as the API sends them). */
export interface MockOrganization {
  partitions: readonly { accountId: string; region: string; count: number }[];
  /** Row `i` of a partition. */
  row(accountId: string, region: string, i: number): string;
  /** Partition reads that fail with AccessDeniedException on this page (0: the first). */
  failing?: readonly { accountId: string; region: string; page: number }[];
}

const sts = mockClient(STSClient);
const config = mockClient(ConfigServiceClient);

/** What the mocked aggregator served: the first query of each paged read, and the rows sent. */
export const served = { rows: 0, expressions: [] as string[] };

export function resetAggregator(): void {
  sts.reset();
  config.reset();
}

/** SelectAggregateResourceConfig over the organization: the GROUP BY listing, then each partition in pages of `Limit`. */
export function mockAggregator(org: MockOrganization): void {
  served.rows = 0;
  served.expressions = [];
  const counts = new Map(org.partitions.map((p) => [`${p.accountId} ${p.region}`, p.count]));
  sts.on(GetCallerIdentityCommand).resolves({ Account: CALLER });
  config
    .on(SelectAggregateResourceConfigCommand)
    .callsFake((input: { Expression: string; Limit?: number; NextToken?: string }) => {
      if (input.NextToken === undefined) served.expressions.push(input.Expression);
      if (input.Expression.includes('GROUP BY')) {
        const results = org.partitions.map((p) =>
          JSON.stringify({ accountId: p.accountId, awsRegion: p.region, 'COUNT(*)': p.count }),
        );
        return { Results: results.reverse() };
      }
      const m = /accountId = '(\d{12})' AND awsRegion = '([a-z0-9-]+)'/.exec(input.Expression);
      if (m === null) throw new Error(`unexpected query ${input.Expression}`);
      const [, accountId, region] = m as unknown as [string, string, string];
      const count = counts.get(`${accountId} ${region}`) ?? 0;
      const start = Number(input.NextToken ?? 0);
      const limit = input.Limit ?? 100;
      const page = Math.floor(start / limit);
      if (org.failing?.some((f) => f.accountId === accountId && f.region === region && f.page === page)) {
        throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: {} });
      }
      const end = Math.min(count, start + limit);
      served.rows += end - start;
      return {
        Results: Array.from({ length: end - start }, (_, k) => org.row(accountId, region, start + k)),
        ...(end < count ? { NextToken: String(end) } : {}),
      };
    });
}

/**
 * An organization of `accounts` × (`global` and `regions`) whose partitions' rows `rowsOf` builds, once
 * each (a partition's rows are asked for row by row).
 */
export function organizationOf(
  accounts: readonly string[],
  regions: readonly string[],
  rowsOf: (accountId: string, region: string) => string[],
  failing?: MockOrganization['failing'],
): MockOrganization {
  const cache = new Map<string, string[]>();
  const rows = (accountId: string, region: string) => {
    const key = `${accountId} ${region}`;
    let list = cache.get(key);
    if (list === undefined) {
      list = rowsOf(accountId, region);
      cache.set(key, list);
    }
    return list;
  };
  return {
    partitions: accounts.flatMap((accountId) =>
      ['global', ...regions].map((region) => ({ accountId, region, count: rows(accountId, region).length })),
    ),
    row: (accountId, region, i) => rows(accountId, region)[i]!,
    ...(failing !== undefined ? { failing } : {}),
  };
}

/** A reader of the caller's account-level facts; the resource types it names come from the aggregator. */
export function factReader(resourceTypes: readonly string[]): ServiceReader {
  return {
    service: 'ec2',
    scope: 'regional',
    resourceTypes: [...resourceTypes],
    factTypes: [EbsEncryptionByDefaultFact.type],
    async read(ctx) {
      ctx.fact(EbsEncryptionByDefaultFact, { enabled: true, kmsKeyId: null });
    },
  };
}

import { capture } from './cli-io.js';

export { capture };

export interface OrgScan {
  dir: string;
  org: MockOrganization;
  format: string;
  /** The snapshot file written (relative to `dir`). */
  snapshot: string;
  /** `--controls`; every control of the catalog when absent. */
  controls?: string;
  readers: readonly ServiceReader[];
  attestations?: string;
  /** The environment the scan reads (RAMPART_SCAN_MAX_ITEMS, ...); none when absent. */
  env?: NodeJS.ProcessEnv;
}

/** `rampart scan --aggregator org` against the mocked organization, with the partition statistics. */
export async function scanOrg(s: OrgScan) {
  mockAggregator(s.org);
  let stats: PartitionStats | undefined;
  const out = await capture(s.dir, (io) =>
    scanCommand(
      io,
      {
        source: 'auto',
        aggregator: 'org',
        homeRegion: HOME,
        format: s.format,
        snapshot: s.snapshot,
        ...(s.controls !== undefined ? { controls: s.controls } : {}),
        ...(s.attestations !== undefined ? { attestations: s.attestations } : {}),
      },
      {
        env: s.env ?? {},
        stderrTty: false,
        onPartitionStats: (p) => {
          stats = p;
        },
        scanner: {
          credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
          maxAttempts: 1,
          now: () => new Date('2026-11-29T08:00:00Z'),
          readers: [...s.readers],
        },
      },
    ),
  );
  if (stats === undefined) throw new Error(`the scan reported no partition statistics: ${out.stderr}`);
  return { ...out, stats };
}

/** `rampart evaluate --input FILE`: the whole snapshot at once, the reference the streamed scan must equal. */
export function evaluateFile(
  dir: string,
  file: string,
  format: string,
  extra: { controls?: string; attestations?: string } = {},
) {
  return capture(dir, (io) => evaluateCommand(io, { input: [file], format, ...extra }));
}
