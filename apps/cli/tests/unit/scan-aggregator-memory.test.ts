import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceReader } from '@rampart/collectors';
import { catalog, factType } from '@rampart/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_EVALUATIONS_IN_MEMORY, splitControls } from '../../src/commands/scan-partitions.js';
import {
  CALLER,
  evaluateFile,
  factReader,
  HOME,
  type MockOrganization,
  organizationOf,
  resetAggregator,
  scanOrg,
  served,
} from './aggregator-mock.js';

const PAGE = 100;
const CAPTURED = '2026-11-29T07:00:00.000Z';
const ATTESTATIONS = fileURLToPath(new URL('../../../../examples/attestations.example.json', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-agg-mem-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => resetAggregator());

interface Doc {
  scope: Record<string, unknown>;
  evaluations: { controlId: string; accountId: string; region: string; compliance: string; annotation: string }[];
}

/** `extra` spread evenly through `main`: the items periodic controls read arrive on every page, never together. */
function spread<T>(main: readonly T[], extra: readonly T[]): T[] {
  const out: T[] = [];
  const every = (main.length + extra.length) / Math.max(extra.length, 1);
  let m = 0;
  let e = 0;
  for (let k = 0; m < main.length || e < extra.length; k++) {
    if (e < extra.length && (m === main.length || k >= (e + 0.5) * every)) out.push(extra[e++]!);
    else out.push(main[m++]!);
  }
  return out;
}

describe('rampart scan --aggregator: memory bounded by a page plus what periodic controls read', () => {
  // Per regional partition: many EBS volumes, which only change-triggered controls read, and a few
  // security groups and network interfaces, which a periodic control joins. Per account `global`:
  // IAM policies (change-triggered controls only) and users and groups (a periodic control joins them).
  const ACCOUNTS = Array.from({ length: 6 }, (_, i) => `3000000000${String(i).padStart(2, '0')}`);
  const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'];
  const VOLUMES = 1500;
  const SECURITY_GROUPS = 40;
  const INTERFACES = 40;
  const POLICIES = 300;
  const USERS = 100;
  const GROUPS = 20;
  const CONTROLS = [
    'encrypted-volumes',
    'ec2-volume-inuse-check',
    'restricted-ssh',
    'ec2-security-group-attached-to-eni-periodic',
    'iam-policy-no-statements-with-admin-access',
    'iam-user-group-membership-check',
    'iam-group-has-users-check',
    'ec2-ebs-encryption-by-default',
  ].join(',');

  const base = (accountId: string, region: string) => ({
    accountId,
    awsRegion: region,
    configurationItemCaptureTime: CAPTURED,
    configurationItemStatus: 'OK',
    tags: [],
  });
  const policyDocument = (admin: boolean) =>
    encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: admin ? '*' : 's3:GetObject', Resource: '*' }],
      }),
    );

  function regionalRows(accountId: string, region: string): string[] {
    const volumes = Array.from({ length: VOLUMES }, (_, i) => {
      const id = `vol-${accountId.slice(-2)}${region.length}${String(i).padStart(6, '0')}`;
      return JSON.stringify({
        ...base(accountId, region),
        resourceType: 'AWS::EC2::Volume',
        resourceId: id,
        arn: `arn:aws:ec2:${region}:${accountId}:volume/${id}`,
        configuration: {
          volumeId: id,
          encrypted: i % 4 !== 0,
          attachments: i % 5 === 0 ? [] : [{ instanceId: `i-${i}`, state: 'attached' }],
        },
      });
    });
    const groups = Array.from({ length: SECURITY_GROUPS }, (_, i) =>
      JSON.stringify({
        ...base(accountId, region),
        resourceType: 'AWS::EC2::SecurityGroup',
        resourceId: `sg-${String(i).padStart(8, '0')}`,
        configuration: {
          groupId: `sg-${String(i).padStart(8, '0')}`,
          groupName: `group-${i}`,
          ipPermissions:
            i % 7 === 0 ? [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: '0.0.0.0/0' }] }] : [],
          ipPermissionsEgress: [],
        },
      }),
    );
    const interfaces = Array.from({ length: INTERFACES }, (_, i) =>
      JSON.stringify({
        ...base(accountId, region),
        resourceType: 'AWS::EC2::NetworkInterface',
        resourceId: `eni-${String(i).padStart(8, '0')}`,
        configuration: {
          networkInterfaceId: `eni-${String(i).padStart(8, '0')}`,
          // Every other group is attached; the rest are unused.
          groups: [{ groupId: `sg-${String((2 * i) % SECURITY_GROUPS).padStart(8, '0')}` }],
        },
      }),
    );
    return spread(volumes, [...groups, ...interfaces]);
  }

  function globalRows(accountId: string): string[] {
    const policies = Array.from({ length: POLICIES }, (_, i) =>
      JSON.stringify({
        ...base(accountId, 'global'),
        resourceType: 'AWS::IAM::Policy',
        resourceId: `ANPAPOLICY${i}`,
        resourceName: `policy-${i}`,
        arn: `arn:aws:iam::${accountId}:policy/policy-${i}`,
        configuration: {
          policyName: `policy-${i}`,
          policyId: `ANPAPOLICY${i}`,
          defaultVersionId: 'v1',
          policyVersionList: [{ versionId: 'v1', isDefaultVersion: true, document: policyDocument(i % 10 === 0) }],
        },
      }),
    );
    const users = Array.from({ length: USERS }, (_, i) =>
      JSON.stringify({
        ...base(accountId, 'global'),
        resourceType: 'AWS::IAM::User',
        resourceId: `AIDAUSER${i}`,
        resourceName: `user-${i}`,
        arn: `arn:aws:iam::${accountId}:user/user-${i}`,
        configuration: { userName: `user-${i}`, groupList: i % 3 === 0 ? [] : [`group-${i % (GROUPS + 5)}`] },
      }),
    );
    const groups = Array.from({ length: GROUPS }, (_, i) =>
      JSON.stringify({
        ...base(accountId, 'global'),
        resourceType: 'AWS::IAM::Group',
        resourceId: `AGPAGROUP${i}`,
        resourceName: `group-${i}`,
        arn: `arn:aws:iam::${accountId}:group/group-${i}`,
        configuration: { groupName: `group-${i}` },
      }),
    );
    return spread(policies, [...users, ...groups]);
  }

  const org = organizationOf(ACCOUNTS, REGIONS, (accountId, region) =>
    region === 'global' ? globalRows(accountId) : regionalRows(accountId, region),
  );
  const regionalPartition = VOLUMES + SECURITY_GROUPS + INTERFACES;
  const globalPartition = POLICIES + USERS + GROUPS;
  const readers = [factReader(['AWS::EC2::Volume', 'AWS::EC2::SecurityGroup', 'AWS::EC2::NetworkInterface'])];

  it('holds a page plus the items periodic controls read, not a partition, and evaluates like the whole snapshot', async () => {
    const scan = await scanOrg({ dir, org, format: 'json', snapshot: 'bound.jsonl', controls: CONTROLS, readers });
    expect(scan.stderr).not.toContain('could not read');
    expect(served.rows).toBe(ACCOUNTS.length * (REGIONS.length * regionalPartition + globalPartition));
    // Rows: one page. Items: at most a page plus those the periodic controls read (the account's IAM
    // users and groups, the partition's security groups and network interfaces); a regional partition
    // holds 1,580 items, and before page-by-page evaluation the scan held 2,000 (global + one region).
    const kept = USERS + GROUPS + SECURITY_GROUPS + INTERFACES;
    expect(scan.stats.maxRowsHeld).toBe(PAGE);
    expect(scan.stats.maxItemsKept).toBe(kept);
    expect(scan.stats.maxItemsHeld).toBeGreaterThan(kept);
    expect(scan.stats.maxItemsHeld).toBeLessThanOrEqual(PAGE + kept);

    const whole = await evaluateFile(dir, 'bound.jsonl', 'json', { controls: CONTROLS });
    const streamed = JSON.parse(scan.stdout) as Doc;
    const expected = JSON.parse(whole.stdout) as Doc;
    expect(streamed.scope).toEqual(expected.scope);
    expect(streamed.evaluations).toEqual(expected.evaluations);
    expect(scan.code).toBe(whole.code);
    expect(streamed.scope.accounts).toEqual([...ACCOUNTS, CALLER].sort());
    for (const id of CONTROLS.split(',')) {
      const verdicts = new Set(streamed.evaluations.filter((e) => e.controlId === id).map((e) => e.compliance));
      expect(verdicts.has('ERROR'), id).toBe(false);
    }
    const compliance = new Set(streamed.evaluations.map((e) => e.compliance));
    expect(compliance).toContain('COMPLIANT');
    expect(compliance).toContain('NON_COMPLIANT');

    // Evaluations wait for their partition to be complete (to be sorted): never more than one
    // partition's plus the account's `global` ones, which come later in the output order.
    const perPartition = new Map<string, number>();
    for (const e of streamed.evaluations) {
      const key = `${e.accountId} ${e.region}`;
      perPartition.set(key, (perPartition.get(key) ?? 0) + 1);
    }
    const bound = Math.max(
      ...ACCOUNTS.flatMap((a) => REGIONS.map((r) => perPartition.get(`${a} ${r}`)! + perPartition.get(`${a} global`)!)),
    );
    expect(scan.stats.maxEvaluationsHeld).toBeLessThanOrEqual(bound);
    expect(scan.stats.maxEvaluationsHeld).toBeLessThan(streamed.evaluations.length / ACCOUNTS.length);
  }, 120_000);
});

describe('rampart scan --aggregator: one large partition holds a bounded number of evaluations', () => {
  // One account, one region, and more volumes than the default bound has room for the evaluations of
  // (two change-triggered controls each): they are spilled to disk as sorted runs and merged.
  const ACCOUNT = '310000000001';
  const REGION = 'eu-west-1';
  const VOLUMES = 30_000;
  const CONTROLS = 'encrypted-volumes,ec2-volume-inuse-check,ec2-ebs-encryption-by-default';
  const rows = Array.from({ length: VOLUMES }, (_, i) => {
    // Not in id order: the runs are sorted, the merge restores the output order.
    const n = (i * 7919) % VOLUMES;
    const id = `vol-${String(n).padStart(8, '0')}`;
    return JSON.stringify({
      accountId: ACCOUNT,
      awsRegion: REGION,
      configurationItemCaptureTime: CAPTURED,
      configurationItemStatus: 'OK',
      tags: [],
      resourceType: 'AWS::EC2::Volume',
      resourceId: id,
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/${id}`,
      configuration: {
        volumeId: id,
        encrypted: n % 4 !== 0,
        attachments: n % 5 === 0 ? [] : [{ instanceId: `i-${n}`, state: 'attached' }],
      },
    });
  });
  const org: MockOrganization = {
    partitions: [{ accountId: ACCOUNT, region: REGION, count: VOLUMES }],
    row: (_accountId, _region, i) => rows[i]!,
  };

  it('spills the evaluations of a partition beyond the bound, and evaluates like the whole snapshot', async () => {
    const scan = await scanOrg({
      dir,
      org,
      format: 'json',
      snapshot: 'one-partition.jsonl',
      controls: CONTROLS,
      readers: [factReader(['AWS::EC2::Volume'])],
    });
    const streamed = JSON.parse(scan.stdout) as Doc;
    const inPartition = streamed.evaluations.filter((e) => e.accountId === ACCOUNT && e.region === REGION);
    const pageControls = inPartition.filter((e) => e.controlId !== 'ec2-ebs-encryption-by-default').length;
    expect(pageControls).toBe(2 * VOLUMES);
    expect(pageControls).toBeGreaterThan(DEFAULT_MAX_EVALUATIONS_IN_MEMORY);
    // The bound, plus the partition controls' evaluations of the partition (one: the account's).
    expect(scan.stats.maxEvaluationsHeld).toBeLessThanOrEqual(DEFAULT_MAX_EVALUATIONS_IN_MEMORY + 1);
    expect(scan.stats.spilledRuns).toBe(2); // 50,000, then the 10,000 left when the partition is complete
    expect(scan.stats.spilledEvaluations).toBe(2 * VOLUMES);
    expect(scan.stats.maxItemsHeld).toBeLessThanOrEqual(PAGE);
    expect(scan.stderr).toContain(
      `; at most ${scan.stats.maxItemsHeld} item(s) and ${scan.stats.maxEvaluationsHeld} evaluation(s) held at once; ${2 * VOLUMES} evaluation(s) spilled to disk in 2 sorted run(s))`,
    );

    const whole = await evaluateFile(dir, 'one-partition.jsonl', 'json', { controls: CONTROLS });
    const expected = JSON.parse(whole.stdout) as Doc;
    expect(streamed.scope).toEqual(expected.scope);
    expect(streamed.evaluations).toEqual(expected.evaluations);
    expect(scan.code).toBe(whole.code);
  }, 120_000);
});

describe('rampart scan --aggregator over a realistic organization: the same evaluations as the whole snapshot', () => {
  // The demo account (every control of the catalog has resources or facts in it), re-homed into five
  // accounts and three regions and served as SelectAggregateResourceConfig rows, shuffled so the items
  // a periodic control joins arrive on other pages than the items it evaluates. With deleted
  // resources, a resource captured twice on different pages (older, newer, same time), a regional
  // partition and a global partition that fail part way, and the caller's direct reads (facts, a
  // collection error, resources the aggregator also holds).
  const DEMO_ACCOUNT = '111122223333';
  const DEMO_REGION = 'eu-west-1';
  const ACCOUNTS = [CALLER, DEMO_ACCOUNT, '210000000001', '210000000002', '210000000003'];
  const REGIONS = ['ap-southeast-2', 'eu-west-1', 'us-east-1'];
  type Ci = Record<string, unknown> & { resourceType: string; resourceId: string; awsRegion: string };
  const demo = readFileSync(new URL('../../../../examples/demo-account.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as Ci);
  const resources = demo.filter((ci) => !ci.resourceType.startsWith('Rampart::'));
  const facts = demo.filter((ci) => ci.resourceType.startsWith('Rampart::'));
  const itemOnlyTypes = new Set(
    resources.map((ci) => ci.resourceType).filter((t) => !splitControls(catalog().all()).keptTypes.has(t)),
  );

  function rehome(ci: Ci, accountId: string, region: string): Ci {
    let text = JSON.stringify(ci).replaceAll(DEMO_ACCOUNT, accountId);
    if (ci.awsRegion !== 'global') text = text.replaceAll(DEMO_REGION, region);
    return JSON.parse(text) as Ci;
  }

  const decode = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  };

  /** An item of the demo (event or API shape) as a row of an advanced query. */
  function selectRow(ci: Ci): Record<string, unknown> {
    const capture = ci['configurationItemCaptureTime'];
    const relationships = (ci['relationships'] ?? []) as Record<string, unknown>[];
    return {
      accountId: ci['awsAccountId'] ?? ci['accountId'],
      awsRegion: ci.awsRegion,
      resourceType: ci.resourceType,
      resourceId: ci.resourceId,
      resourceName: ci['resourceName'] ?? null,
      arn: ci['ARN'] ?? ci['arn'] ?? null,
      configurationItemCaptureTime: typeof capture === 'number' ? new Date(capture * 1000).toISOString() : capture,
      configurationItemStatus: ci['configurationItemStatus'] ?? 'OK',
      tags: Object.entries((ci['tags'] ?? {}) as Record<string, string>).map(([key, value]) => ({ key, value })),
      relationships: relationships.map((r) => ({
        resourceType: r['resourceType'],
        ...(typeof r['resourceId'] === 'string' ? { resourceId: r['resourceId'] } : {}),
        ...(typeof r['resourceName'] === 'string' ? { resourceName: r['resourceName'] } : {}),
        relationshipName: r['name'] ?? r['relationshipName'],
      })),
      configuration: decode(ci['configuration']) ?? {},
      supplementaryConfiguration: Object.fromEntries(
        Object.entries((ci['supplementaryConfiguration'] ?? {}) as Record<string, unknown>).map(([k, v]) => [
          k,
          decode(v),
        ]),
      ),
    };
  }

  /** A deterministic shuffle (a linear congruential generator seeded per partition). */
  function shuffle<T>(list: T[], seed: number): T[] {
    let state = seed;
    for (let i = list.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }

  const volume = (rows: Record<string, unknown>[], n: number) =>
    rows.filter((r) => r['resourceType'] === 'AWS::EC2::Volume')[n]!;
  const securityGroup = (rows: Record<string, unknown>[], n: number) =>
    rows.filter((r) => r['resourceType'] === 'AWS::EC2::SecurityGroup')[n]!;
  const withConfiguration = (row: Record<string, unknown>, capture: string, change: Record<string, unknown>) => ({
    ...row,
    configurationItemCaptureTime: capture,
    configuration: { ...(row['configuration'] as Record<string, unknown>), ...change },
  });
  const openSsh = {
    ipPermissions: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: '0.0.0.0/0' }] }],
  };

  function partitionRows(accountId: string, region: string): string[] {
    const index = ACCOUNTS.indexOf(accountId);
    const source = resources.filter((ci) => (region === 'global') === (ci.awsRegion === 'global'));
    let rows = shuffle(
      source.map((ci) => selectRow(rehome(ci, accountId, region))),
      index * 31 + region.length,
    );
    if (index === 1) {
      // Deleted resources, of kept and of item-only types alike.
      rows = rows.map((r, i) => (i % 9 === 0 ? { ...r, configurationItemStatus: 'ResourceDeleted' } : r));
    }
    if (index === 2 && region === 'us-east-1') {
      // First page: the resources as first captured; last page: other captures of four of them.
      const [v0, v1, v2, g0] = [volume(rows, 0), volume(rows, 1), volume(rows, 2), securityGroup(rows, 0)];
      rows = [v0, v1, v2, g0, ...rows.filter((r) => ![v0, v1, v2, g0].includes(r))];
      rows.push(
        withConfiguration(v0, '2020-01-01T00:00:00.000Z', { encrypted: false }), // older: ignored
        withConfiguration(v1, '2026-11-29T07:59:00.000Z', {
          encrypted: !(v1['configuration'] as { encrypted: boolean }).encrypted,
        }), // newer: replaces
        withConfiguration(v2, v2['configurationItemCaptureTime'] as string, { attachments: [] }), // same time: the later line wins
        withConfiguration(g0, '2026-11-29T07:59:00.000Z', openSsh), // newer, of a kept type
      );
    }
    return rows.map((r) => JSON.stringify(r));
  }

  const org = organizationOf(ACCOUNTS, REGIONS, partitionRows, [
    { accountId: ACCOUNTS[3]!, region: 'eu-west-1', page: 1 },
    { accountId: ACCOUNTS[4]!, region: 'global', page: 0 },
  ]);

  /** The caller's direct reads: the demo's facts but one, whose read fails, and resources the aggregator holds too. */
  const directReader: ServiceReader = {
    service: 'demo',
    scope: 'regional',
    resourceTypes: [...new Set(resources.map((ci) => ci.resourceType))],
    factTypes: [...new Set(facts.map((ci) => ci.resourceType))],
    async read(ctx) {
      for (const ci of facts) {
        const type = factType(ci.resourceType)!;
        if (type.type === 'Rampart::SecurityHub::Status') {
          ctx.fail('DescribeHub', [type.type], Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
          continue;
        }
        ctx.fact(
          type,
          rehome(ci, ctx.accountId, ctx.region)['configuration'],
          ci.awsRegion === 'global' ? 'global' : ctx.region,
        );
      }
      const mine = partitionRows(ctx.accountId, ctx.region).map((r) => JSON.parse(r) as Record<string, unknown>);
      for (const [row, change] of [
        [volume(mine, 3), { encrypted: false }],
        [securityGroup(mine, 1), openSsh],
      ] as const) {
        ctx.item({
          resourceType: row['resourceType'] as string,
          resourceId: row['resourceId'] as string,
          arn: row['arn'] as string,
          configuration: { ...(row['configuration'] as Record<string, unknown>), ...change },
        });
      }
    },
  };

  it('evaluates every control of the catalog like the whole snapshot, in a page plus what periodic controls read', async () => {
    const scan = await scanOrg({
      dir,
      org,
      format: 'json',
      snapshot: 'realistic.jsonl',
      readers: [directReader],
      attestations: ATTESTATIONS,
    });
    const whole = await evaluateFile(dir, 'realistic.jsonl', 'json', { attestations: ATTESTATIONS });
    const streamed = JSON.parse(scan.stdout) as Doc;
    const expected = JSON.parse(whole.stdout) as Doc;
    expect(streamed.scope).toEqual(expected.scope);
    expect(streamed.evaluations.length).toBe(expected.evaluations.length);
    expect(streamed.evaluations).toEqual(expected.evaluations);
    expect(scan.code).toBe(whole.code);
    expect(scan.code).toBe(3);

    // What the mix holds reached the output: every control, deleted resources, the failed reads.
    expect(new Set(streamed.evaluations.map((e) => e.controlId))).toEqual(
      new Set(
        catalog()
          .all()
          .map((c) => c.id),
      ),
    );
    expect(streamed.evaluations.filter((e) => e.annotation === 'The resource was deleted.').length).toBeGreaterThan(50);
    expect(streamed.scope.incomplete).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountId: ACCOUNTS[3], region: 'eu-west-1' }),
        expect.objectContaining({ accountId: ACCOUNTS[4], region: 'global' }),
        { accountId: CALLER, region: HOME, resourceTypes: ['Rampart::SecurityHub::Status'] },
      ]),
    );
    const duplicated = streamed.evaluations.filter(
      (e) => e.accountId === ACCOUNTS[2] && e.region === 'us-east-1' && e.controlId === 'encrypted-volumes',
    );
    expect(duplicated.length).toBe(resources.filter((ci) => ci.resourceType === 'AWS::EC2::Volume').length);

    // Memory: a page of rows; items, a page plus the kept ones (of the types periodic controls read).
    expect(scan.stats.maxRowsHeld).toBe(PAGE);
    expect(scan.stats.maxItemsHeld).toBeLessThanOrEqual(PAGE + scan.stats.maxItemsKept + 2);
    expect(itemOnlyTypes.size).toBeGreaterThan(20);
  }, 120_000);

  it('gives the same evaluations with the kept items and the evaluations waiting on disk (small bounds)', async () => {
    const bounds = { RAMPART_SCAN_MAX_ITEMS: '5', RAMPART_SCAN_MAX_EVALUATIONS: '40' };
    const scan = await scanOrg({
      dir,
      org,
      format: 'json',
      snapshot: 'realistic-bounded.jsonl',
      readers: [directReader],
      attestations: ATTESTATIONS,
      env: bounds,
    });
    const unbounded = await scanOrg({
      dir,
      org,
      format: 'json',
      snapshot: 'realistic-unbounded.jsonl',
      readers: [directReader],
      attestations: ATTESTATIONS,
    });
    const streamed = JSON.parse(scan.stdout) as Doc;
    const expected = JSON.parse(unbounded.stdout) as Doc;
    expect(streamed.scope).toEqual(expected.scope);
    expect(streamed.evaluations).toEqual(expected.evaluations);
    expect(scan.code).toBe(unbounded.code);
    // Kept items waited on disk and were read back per group of controls; at most the two bounds in memory.
    expect(scan.stats.spilledItems).toBeGreaterThan(100);
    expect(scan.stats.maxItemsKept).toBeLessThanOrEqual(10);
    expect(scan.stats.spilledRuns).toBeGreaterThan(10);
    expect(scan.stderr).toContain(`; ${scan.stats.spilledItems} kept item(s) waited on disk;`);
  }, 120_000);

  it('refuses memory bounds that are not whole numbers, naming the variable', async () => {
    for (const [name, value] of [
      ['RAMPART_SCAN_MAX_ITEMS', '-1'],
      ['RAMPART_SCAN_MAX_ITEMS', 'lots'],
      ['RAMPART_SCAN_MAX_EVALUATIONS', '2'],
    ] as const) {
      await expect(
        scanOrg({ dir, org, format: 'json', snapshot: 'never.jsonl', readers: [directReader], env: { [name]: value } }),
      ).rejects.toThrow(
        `${name} must be a whole number of at least ${name === 'RAMPART_SCAN_MAX_ITEMS' ? 0 : 3}, got "${value}"`,
      );
    }
  });
});
