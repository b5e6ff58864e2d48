import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CALLER,
  evaluateFile,
  factReader,
  type MockOrganization,
  resetAggregator,
  scanOrg as scanOrganization,
  served,
} from './aggregator-mock.js';

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

const org: MockOrganization = {
  partitions: ACCOUNTS.flatMap((accountId) =>
    ['global', ...REGIONS].map((region) => ({ accountId, region, count: ROWS })),
  ),
  row,
};
const readers = [factReader(['AWS::EC2::Volume', 'AWS::IAM::User', 'AWS::IAM::Group'])];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-agg-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => resetAggregator());

function scanOrg(format: string, snapshot: string, failing?: { accountId: string; region: string }) {
  return scanOrganization({
    dir,
    org: failing === undefined ? org : { ...org, failing: [{ ...failing, page: 0 }] },
    format,
    snapshot,
    controls: CONTROLS,
    readers,
  });
}

interface Doc {
  scope: Record<string, unknown>;
  evaluations: { accountId: string; region: string; compliance: string }[];
}

describe('rampart scan --aggregator: partition by partition', () => {
  it('holds a page plus the global items a periodic control joins, and evaluates like the whole snapshot', async () => {
    const scan = await scanOrg('json', 'org.jsonl');
    expect(scan.stderr).not.toContain('could not read');
    expect(served.rows).toBe(ACCOUNTS.length * (REGIONS.length + 1) * ROWS); // 100,000 rows
    // The bound: one page of rows; of the items, those iam-group-has-users-check joins (the account's
    // IAM users and groups) plus a page. The volumes, which only change-triggered controls read, are
    // evaluated page by page and dropped: never a regional partition, never the organization.
    expect(scan.stats.reads).toBe(50);
    expect(scan.stats.pages).toBe(50 * (ROWS / 100 + 1));
    expect(scan.stats.maxRowsHeld).toBe(100);
    expect(scan.stats.maxItemsKept).toBe(ROWS);
    expect(scan.stats.maxItemsHeld).toBeLessThanOrEqual(ROWS + 100);
    // One aggregation query listing the partitions, then one paged query per partition.
    expect(served.expressions[0]).toMatch(
      /^SELECT accountId, awsRegion, COUNT\(\*\) WHERE resourceType IN \(.*\) GROUP BY accountId, awsRegion$/,
    );
    expect(served.expressions).toHaveLength(51);
    expect(served.expressions[1]).toContain(`AND accountId = '${ACCOUNTS[0]}' AND awsRegion = 'global'`);
    expect(served.expressions[2]).toContain(`AND accountId = '${ACCOUNTS[0]}' AND awsRegion = 'ap-southeast-2'`);

    // The contract's object with `evaluations` first and `scope` last.
    expect(scan.stdout.startsWith('{"evaluations":[\n')).toBe(true);
    const streamed = JSON.parse(scan.stdout) as Doc;

    // The same rows in one snapshot (the file the scan wrote), evaluated at once as before.
    const whole = await evaluateFile(dir, 'org.jsonl', 'json', { controls: CONTROLS });
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
    const whole = await evaluateFile(dir, 'org-table.jsonl', 'table', { controls: CONTROLS });
    expect(scan.stdout).toBe(whole.stdout);
    expect(scan.stdout).toContain('more, less severe first hidden');
    expect(scan.stats.maxRowsHeld).toBe(100);
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
    const whole = await evaluateFile(dir, 'org-failing.jsonl', 'json', { controls: CONTROLS });
    expect(streamed.evaluations).toEqual((JSON.parse(whole.stdout) as Doc).evaluations);
    expect(streamed.scope).toEqual((JSON.parse(whole.stdout) as Doc).scope);
    expect(scan.code).toBe(3);
  }, 180_000);
});
