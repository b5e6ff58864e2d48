import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceReader } from '@rampart/collectors';
import { EbsEncryptionByDefaultFact } from '@rampart/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCommand } from '../../src/commands/evaluate.js';
import { scanCommand } from '../../src/commands/scan.js';
import type { PartitionStats } from '../../src/commands/scan-partitions.js';
import type { CliIo } from '../../src/io.js';

// The SDK clients and aws-sdk-client-mock are dependencies of @rampart/collectors (pnpm does not hoist
// them): take them from there, so the mock patches the very classes the collectors use.
const require = createRequire(new URL('../../../../packages/collectors/package.json', import.meta.url));
const { mockClient } = require('aws-sdk-client-mock');
const { ConfigServiceClient, SelectAggregateResourceConfigCommand } = require('@aws-sdk/client-config-service');
const { GetCallerIdentityCommand, STSClient } = require('@aws-sdk/client-sts');

const CALLER = '123456789012';
const HOME = 'eu-west-1';
const ACCOUNTS = Array.from({ length: 10 }, (_, i) => `2000000000${String(i).padStart(2, '0')}`);
// Per account: `global` (IAM users and groups) and four regions (EBS volumes): 50 partitions.
const REGIONS = ['ap-southeast-2', 'eu-central-1', 'eu-west-1', 'us-east-1'];
const ROWS = 2000;
const CONTROLS =
  'encrypted-volumes,iam-user-group-membership-check,iam-group-has-users-check,ec2-ebs-encryption-by-default';

function row(accountId: string, region: string, i: number): string {
  const base = { accountId, awsRegion: region, configurationItemCaptureTime: '2026-11-29T07:00:00.000Z', tags: [] };
  if (region === 'global') {
    const n = Math.floor(i / 2);
    if (i % 2 === 0) {
      return JSON.stringify({
        ...base,
        resourceType: 'AWS::IAM::User',
        resourceId: `AIDAUSER${n}`,
        resourceName: `user-${n}`,
        arn: `arn:aws:iam::${accountId}:user/user-${n}`,
        configuration: { userName: `user-${n}`, groupList: n % 3 === 0 ? [] : [`group-${n % 50}`] },
      });
    }
    return JSON.stringify({
      ...base,
      resourceType: 'AWS::IAM::Group',
      resourceId: `AGPAGROUP${n}`,
      resourceName: `group-${n}`,
      arn: `arn:aws:iam::${accountId}:group/group-${n}`,
      configuration: { groupName: `group-${n}` },
    });
  }
  const id = `vol-${accountId.slice(-2)}${region.length}${String(i).padStart(6, '0')}`;
  return JSON.stringify({
    ...base,
    resourceType: 'AWS::EC2::Volume',
    resourceId: id,
    arn: `arn:aws:ec2:${region}:${accountId}:volume/${id}`,
    configuration: {
      volumeId: id,
      encrypted: i % 4 !== 0,
      attachments: i % 5 === 0 ? [] : [{ instanceId: `i-${i}`, state: 'attached' }],
    },
  });
}

/** A reader of the caller's account-level facts; the resource types come from the aggregator. */
const factReader: ServiceReader = {
  service: 'ec2',
  scope: 'regional',
  resourceTypes: ['AWS::EC2::Volume', 'AWS::IAM::User', 'AWS::IAM::Group'],
  factTypes: [EbsEncryptionByDefaultFact.type],
  async read(ctx) {
    ctx.fact(EbsEncryptionByDefaultFact, { enabled: true, kmsKeyId: null });
  },
};

const sts = mockClient(STSClient);
const config = mockClient(ConfigServiceClient);
let dir: string;
let served = 0;
let expressions: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-agg-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  sts.reset();
  config.reset();
});

function mockAggregator(failing?: { accountId: string; region: string }) {
  served = 0;
  expressions = [];
  sts.on(GetCallerIdentityCommand).resolves({ Account: CALLER });
  config
    .on(SelectAggregateResourceConfigCommand)
    .callsFake((input: { Expression: string; Limit?: number; NextToken?: string }) => {
      if (input.NextToken === undefined) expressions.push(input.Expression);
      if (input.Expression.includes('GROUP BY')) {
        const results = ACCOUNTS.flatMap((accountId) =>
          ['global', ...REGIONS].map((awsRegion) => JSON.stringify({ accountId, awsRegion, 'COUNT(*)': ROWS })),
        );
        return { Results: results.reverse() };
      }
      const m = /accountId = '(\d{12})' AND awsRegion = '([a-z0-9-]+)'/.exec(input.Expression);
      if (m === null) throw new Error(`unexpected query ${input.Expression}`);
      const [, accountId, region] = m as unknown as [string, string, string];
      if (failing?.accountId === accountId && failing.region === region) {
        throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: {} });
      }
      const start = Number(input.NextToken ?? 0);
      const end = Math.min(ROWS, start + (input.Limit ?? 100));
      served += end - start;
      return {
        Results: Array.from({ length: end - start }, (_, k) => row(accountId, region, start + k)),
        ...(end < ROWS ? { NextToken: String(end) } : {}),
      };
    });
}

async function capture(run: (io: CliIo) => Promise<number>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), color: false, cwd: dir };
  const code = await run(io);
  return { code, stdout, stderr };
}

async function scanOrg(format: string, snapshot: string, failing?: { accountId: string; region: string }) {
  mockAggregator(failing);
  let stats: PartitionStats | undefined;
  const out = await capture((io) =>
    scanCommand(
      io,
      { source: 'auto', aggregator: 'org', homeRegion: HOME, format, controls: CONTROLS, snapshot },
      {
        env: {},
        stderrTty: false,
        onPartitionStats: (s) => {
          stats = s;
        },
        scanner: {
          credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
          maxAttempts: 1,
          now: () => new Date('2026-11-29T08:00:00Z'),
          readers: [factReader],
        },
      },
    ),
  );
  return { ...out, stats: stats! };
}

interface Doc {
  scope: Record<string, unknown>;
  evaluations: { accountId: string; region: string; compliance: string }[];
}

describe('rampart scan --aggregator: partition by partition', () => {
  it('holds one account global partition plus one regional partition, and evaluates like the whole snapshot', async () => {
    const scan = await scanOrg('json', 'org.jsonl');
    expect(scan.stderr).not.toContain('could not read');
    expect(served).toBe(ACCOUNTS.length * (REGIONS.length + 1) * ROWS); // 100,000 rows
    // The bound: an account's global partition plus one regional partition, never the organization.
    expect(scan.stats.reads).toBe(50);
    expect(scan.stats.maxRowsHeld).toBe(2 * ROWS);
    expect(scan.stats.maxItemsHeld).toBeLessThanOrEqual(2 * ROWS);
    expect(scan.stats.maxItemsHeld).toBeGreaterThan(ROWS);
    // One aggregation query listing the partitions, then one paged query per partition.
    expect(expressions[0]).toMatch(
      /^SELECT accountId, awsRegion, COUNT\(\*\) WHERE resourceType IN \(.*\) GROUP BY accountId, awsRegion$/,
    );
    expect(expressions).toHaveLength(51);
    expect(expressions[1]).toContain(`AND accountId = '${ACCOUNTS[0]}' AND awsRegion = 'global'`);
    expect(expressions[2]).toContain(`AND accountId = '${ACCOUNTS[0]}' AND awsRegion = 'ap-southeast-2'`);

    // The contract's object with `evaluations` first and `scope` last.
    expect(scan.stdout.startsWith('{"evaluations":[\n')).toBe(true);
    const streamed = JSON.parse(scan.stdout) as Doc;

    // The same rows in one snapshot (the file the scan wrote), evaluated at once as before.
    const whole = await capture((io) =>
      evaluateCommand(io, { input: ['org.jsonl'], format: 'json', controls: CONTROLS }),
    );
    const expected = JSON.parse(whole.stdout) as Doc;
    expect(streamed.scope).toEqual(expected.scope);
    expect(streamed.evaluations.length).toBe(expected.evaluations.length);
    expect(streamed.evaluations).toEqual(expected.evaluations);
    // Same bytes but for the key order of the outer object.
    const body = (text: string) => text.slice(text.indexOf('"evaluations":'), text.indexOf('\n]') + 2);
    expect(body(scan.stdout)).toBe(body(whole.stdout));
    expect(scan.code).toBe(whole.code);
    // Every account, caller included, in output order: accounts, then global and regions sorted.
    const order = streamed.evaluations.map((e) => `${e.accountId} ${e.region}`);
    expect(order).toEqual([...order].sort());
    expect(streamed.scope.accounts).toEqual([...ACCOUNTS, CALLER].sort());
  }, 180_000);

  it('prints the table from the counts and failure rows it kept, like evaluating the snapshot', async () => {
    const scan = await scanOrg('table', 'org-table.jsonl');
    const whole = await capture((io) =>
      evaluateCommand(io, { input: ['org-table.jsonl'], format: 'table', controls: CONTROLS }),
    );
    expect(scan.stdout).toBe(whole.stdout);
    expect(scan.stdout).toContain('more, less severe first hidden');
    expect(scan.stats.maxRowsHeld).toBe(2 * ROWS);
  }, 180_000);

  it('turns a partition that cannot be read into a collection error of that partition only', async () => {
    const failing = { accountId: ACCOUNTS[3]!, region: 'us-east-1' };
    const scan = await scanOrg('json', 'org-failing.jsonl', failing);
    expect(scan.stderr).toContain(
      `could not read in ${failing.accountId} us-east-1: config SelectAggregateResourceConfig failed with AccessDeniedException`,
    );
    const streamed = JSON.parse(scan.stdout) as Doc;
    expect(streamed.scope.incomplete).toEqual([
      {
        accountId: failing.accountId,
        region: 'us-east-1',
        resourceTypes: ['AWS::EC2::Volume', 'AWS::IAM::Group', 'AWS::IAM::User'],
      },
    ]);
    const snapshotLines = readFileSync(join(dir, 'org-failing.jsonl'), 'utf8').trim().split('\n');
    expect(snapshotLines.some((l) => l.startsWith('{"collectionError"'))).toBe(true);
    const whole = await capture((io) =>
      evaluateCommand(io, { input: ['org-failing.jsonl'], format: 'json', controls: CONTROLS }),
    );
    expect(streamed.evaluations).toEqual((JSON.parse(whole.stdout) as Doc).evaluations);
    expect(streamed.scope).toEqual((JSON.parse(whole.stdout) as Doc).scope);
    expect(scan.code).toBe(3);
  }, 180_000);
});
