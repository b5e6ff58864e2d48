import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AggregatorPartition, PartitionPage } from '@rampart/collectors';
import {
  type CollectionError,
  type ConfigItem,
  type ControlDefinition,
  catalog,
  compliant,
  defineControl,
  EbsEncryptionByDefaultFact,
  type Evaluation,
  evaluateSnapshot,
  GLOBAL_REGION,
  loadInput,
  nonCompliant,
  normalizeItem,
  Snapshot,
  type SnapshotHeader,
} from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_EVALUATIONS_IN_MEMORY,
  evaluatePartitions,
  type Ingested,
  PageLookupError,
  type PartitionedInput,
  splitControls,
} from '../../src/commands/scan-partitions.js';

const NOW = new Date('2026-11-29T08:00:00Z');
const A = '111111111111';
const B = '222222222222';
const EU = 'eu-west-1';
const US = 'us-east-1';

const BASE = {
  title: 'Test control for page-by-page evaluation',
  description: 'Checks whether the aggregator scan evaluates controls as the engine does.',
  area: 'data-protection',
  severity: 'LOW',
  wellArchitected: ['SEC08-BP02'],
  remediation: {
    text: 'Nothing to do: this control exists for tests only.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/welcome.html',
  },
} as const satisfies Omit<ControlDefinition<unknown>, 'id' | 'resourceTypes' | 'evaluate' | 'trigger'>;

/** Item-only: a topic is encrypted. Two verdicts for topics named `twice`, to pin their order. */
const topicEncrypted = defineControl({
  ...BASE,
  id: 'test-topic-encrypted',
  trigger: 'change',
  resourceTypes: ['AWS::SNS::Topic'],
  evaluate: (item) => {
    const key = item.config<{ kmsMasterKeyId?: string }>().kmsMasterKeyId;
    const verdict = key
      ? compliant(`Topic ${item.resourceId} uses ${key}.`)
      : nonCompliant(`${item} is not encrypted.`);
    return item.resourceId.includes('twice') ? [verdict, compliant(`Second verdict on ${item.resourceId}.`)] : verdict;
  },
});

/** Item-only, on a type a periodic control reads too. */
const groupNamed = defineControl({
  ...BASE,
  id: 'test-group-named',
  trigger: 'change',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  evaluate: (item) =>
    item.resourceName ? compliant(`${item} is named ${item.resourceName}.`) : nonCompliant(`${item} has no name.`),
});

/** Periodic: a security group is used by a network interface of its partition. */
const groupUsed = defineControl({
  ...BASE,
  id: 'test-group-used',
  trigger: 'periodic',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  needs: ['AWS::EC2::NetworkInterface'],
  evaluate: (item, ctx) => {
    const users = ctx
      .items('AWS::EC2::NetworkInterface')
      .filter((eni) =>
        eni.config<{ groups?: { groupId: string }[] }>().groups?.some((g) => g.groupId === item.resourceId),
      );
    return users.length > 0
      ? compliant(`${item} is used by ${users.map((u) => u.resourceId).join(', ')}.`)
      : nonCompliant(`${item} is unused.`);
  },
});

/** Periodic, regional, reading the account's global items: an instance's role exists. */
const instanceRole = defineControl({
  ...BASE,
  id: 'test-instance-role',
  trigger: 'periodic',
  resourceTypes: ['AWS::EC2::Instance'],
  needs: ['AWS::IAM::Role'],
  evaluate: (item, ctx) => {
    const role = item.config<{ role?: string }>().role ?? '';
    return ctx.item('AWS::IAM::Role', role, { region: GLOBAL_REGION }) !== undefined
      ? compliant(`${item} runs as ${role}.`)
      : nonCompliant(`${item} names role ${role}, which does not exist.`);
  },
});

/** Item-only on a global type. */
const rolePath = defineControl({
  ...BASE,
  id: 'test-role-path',
  trigger: 'change',
  resourceTypes: ['AWS::IAM::Role'],
  evaluate: (item) =>
    item.config<{ path?: string }>().path === '/'
      ? compliant(`${item} is at the root path.`)
      : nonCompliant(`${item} is under ${item.config<{ path?: string }>().path}.`),
});

/** Periodic, but reading only an account-level fact: evaluated page by page, the fact from the partition. */
const topicWithEbsDefault = defineControl({
  ...BASE,
  id: 'test-topic-ebs-default',
  trigger: 'periodic',
  resourceTypes: ['AWS::SNS::Topic'],
  needs: [EbsEncryptionByDefaultFact.type],
  evaluate: (item, ctx) =>
    ctx.require(EbsEncryptionByDefaultFact).enabled
      ? compliant(`${item}: EBS encryption by default is on.`)
      : nonCompliant(`${item}: EBS encryption by default is off.`),
});

const CONTROLS = [topicEncrypted, groupNamed, groupUsed, instanceRole, rolePath, topicWithEbsDefault];

function row(accountId: string, region: string, type: string, id: string, configuration = {}, extra = {}) {
  return {
    accountId,
    awsRegion: region,
    resourceType: type,
    resourceId: id,
    configurationItemCaptureTime: '2026-11-28T10:00:00.000Z',
    configurationItemStatus: 'OK',
    tags: [],
    configuration,
    ...extra,
  } as Record<string, unknown>;
}

interface Organization {
  /** Per partition (`account region`), its pages of rows. */
  pages: Record<string, Record<string, unknown>[][]>;
  /** Partitions whose read ends with this error after their pages. */
  failing?: Record<string, CollectionError>;
  side?: Record<string, unknown>[];
  sideErrors?: CollectionError[];
}

const HEADER: SnapshotHeader = { version: 1, capturedAt: NOW.toISOString(), accounts: [A], regions: [EU] };

/**
 * Streams the organization through evaluatePartitions, and evaluates the same lines in one snapshot,
 * in the order a snapshot file would hold them (side first, then the partitions as read).
 */
interface Streaming {
  maxEvaluationsInMemory?: number;
  maxItemsInMemory?: number;
  temporaryDirectory?: string;
  /** Called as each page is taken (1: the first), before the scan sees it. */
  onPage?: (page: number) => void;
}

async function both(org: Organization, controls = CONTROLS, streaming: Streaming = {}) {
  const keys = Object.keys(org.pages);
  const partitions: AggregatorPartition[] = keys
    .map((k) => {
      const [accountId, region] = k.split(' ') as [string, string];
      return { accountId, region, count: org.pages[k]!.flat().length };
    })
    .sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region));
  const whole = new Snapshot();
  whole.addHeader(HEADER);
  let line = 1;
  const ingest = (raw: Record<string, unknown>): Ingested | undefined => {
    const normalized = normalizeItem(raw);
    if (!normalized.ok) throw new Error(JSON.stringify(normalized.issues));
    const origin = { source: 'test', position: `line ${++line}` };
    whole.add(normalized.item, origin);
    return { item: normalized.item, origin };
  };
  const side = (org.side ?? []).map((r) => ingest(r)!);
  for (const e of org.sideErrors ?? []) whole.addCollectionError(e);
  let taken = 0;
  async function* pages(): AsyncGenerator<PartitionPage> {
    for await (const page of ordered()) {
      streaming.onPage?.(++taken);
      yield page;
    }
  }
  async function* ordered(): AsyncGenerator<PartitionPage> {
    for (const accountId of [...new Set(partitions.map((p) => p.accountId))]) {
      const mine = partitions.filter((p) => p.accountId === accountId);
      if (!mine.some((p) => p.region === GLOBAL_REGION)) {
        yield { accountId, region: GLOBAL_REGION, rows: [], last: true };
      }
      // As Scanner.readPartitions: the account's `global` partition first, then its regions.
      for (const p of [...mine].sort(
        (a, b) => Number(b.region === GLOBAL_REGION) - Number(a.region === GLOBAL_REGION),
      )) {
        const key = `${p.accountId} ${p.region}`;
        for (const rows of org.pages[key]!) yield { accountId, region: p.region, rows, last: false };
        const error = org.failing?.[key];
        if (error !== undefined) whole.addCollectionError(error);
        yield { accountId, region: p.region, rows: [], last: true, ...(error !== undefined ? { error } : {}) };
      }
    }
  }
  const emitted: Evaluation[][] = [];
  const input: PartitionedInput = {
    controls,
    now: NOW,
    header: HEADER,
    partitions,
    pages: pages(),
    side,
    sideErrors: org.sideErrors ?? [],
    ingest,
    onError: () => {},
    emit: (evaluations) => emitted.push([...evaluations]),
    ...(streaming.maxEvaluationsInMemory !== undefined
      ? { maxEvaluationsInMemory: streaming.maxEvaluationsInMemory }
      : {}),
    ...(streaming.maxItemsInMemory !== undefined ? { maxItemsInMemory: streaming.maxItemsInMemory } : {}),
    ...(streaming.temporaryDirectory !== undefined ? { temporaryDirectory: streaming.temporaryDirectory } : {}),
  };
  const streamed = await evaluatePartitions(input);
  const reference = evaluateSnapshot(whole, { controls, now: NOW });
  return { streamed, emitted, evaluations: emitted.flat(), reference };
}

/** Items a periodic control joins on other pages and from `global`, facts read directly and unreadable. */
const JOINS: Organization = {
  pages: {
    [`${A} ${GLOBAL_REGION}`]: [
      [row(A, GLOBAL_REGION, 'AWS::IAM::Role', 'AROA1', { path: '/' }, { resourceName: 'app' })],
      [row(A, GLOBAL_REGION, 'AWS::IAM::Role', 'AROA2', { path: '/service/' })],
    ],
    [`${A} ${EU}`]: [
      [
        row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1', {}, { resourceName: 'web' }),
        row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-2'),
        row(A, EU, 'AWS::EC2::Instance', 'i-1', { role: 'AROA1' }),
        row(A, EU, 'AWS::SNS::Topic', 'topic-b', { kmsMasterKeyId: 'alias/sns' }),
      ],
      [row(A, EU, 'AWS::SNS::Topic', 'topic-a'), row(A, EU, 'AWS::SNS::Topic', 'topic-twice')],
      [
        row(A, EU, 'AWS::EC2::NetworkInterface', 'eni-1', { groups: [{ groupId: 'sg-2' }] }),
        row(A, EU, 'AWS::EC2::Instance', 'i-0', { role: 'AROA9' }),
      ],
    ],
    [`${A} ${US}`]: [
      [row(A, US, 'AWS::EC2::Instance', 'i-2', { role: 'AROA2' }), row(A, US, 'AWS::SNS::Topic', 't-us')],
    ],
    [`${B} ${US}`]: [
      [row(B, US, 'AWS::EC2::Instance', 'i-3', { role: 'AROA1' }), row(B, US, 'AWS::SNS::Topic', 't-b')],
    ],
  },
  // The caller's facts: EBS encryption by default read in eu-west-1, not readable in us-east-1.
  side: [
    row(A, EU, EbsEncryptionByDefaultFact.type, `${A}/${EU}`, { enabled: true, kmsKeyId: null }),
    row(A, EU, 'AWS::SNS::Topic', 'topic-direct', { kmsMasterKeyId: 'k' }),
  ],
  sideErrors: [
    {
      accountId: A,
      region: US,
      service: 'ec2',
      operation: 'GetEbsEncryptionByDefault',
      resourceTypes: [EbsEncryptionByDefaultFact.type],
      code: 'AccessDenied',
      message: 'no',
    },
  ],
};

const DELETED = { configurationItemStatus: 'ResourceDeleted' };
const OLDER = { configurationItemCaptureTime: '2026-01-01T00:00:00.000Z' };
const NEWER = { configurationItemCaptureTime: '2026-11-29T07:00:00.000Z' };

/** Resources met twice, deleted or not, captured earlier, later or at the same time, in a page or across pages. */
const CAPTURES: Organization = {
  pages: {
    [`${A} ${EU}`]: [
      [
        row(A, EU, 'AWS::SNS::Topic', 'deleted-then-back', {}, DELETED),
        row(A, EU, 'AWS::SNS::Topic', 'back-then-deleted', { kmsMasterKeyId: 'k' }),
        row(A, EU, 'AWS::SNS::Topic', 'stale-copy-later', { kmsMasterKeyId: 'k' }),
        row(A, EU, 'AWS::SNS::Topic', 'same-time', { kmsMasterKeyId: 'k' }),
        row(A, EU, 'AWS::SNS::Topic', 'twice-in-page', {}),
        row(A, EU, 'AWS::SNS::Topic', 'twice-in-page', { kmsMasterKeyId: 'k' }, NEWER),
        row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1', {}, { resourceName: 'old' }),
      ],
      [
        row(A, EU, 'AWS::SNS::Topic', 'deleted-then-back', { kmsMasterKeyId: 'k' }, NEWER),
        row(A, EU, 'AWS::SNS::Topic', 'back-then-deleted', {}, { ...DELETED, ...NEWER }),
        row(A, EU, 'AWS::SNS::Topic', 'stale-copy-later', {}, OLDER),
        row(A, EU, 'AWS::SNS::Topic', 'same-time', {}),
        row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1', {}, { ...NEWER, resourceName: 'new' }),
      ],
    ],
  },
  side: [row(A, EU, 'AWS::SNS::Topic', 'same-time', { kmsMasterKeyId: 'side' })],
};

const partitionOf = (e: Evaluation) => `${e.accountId} ${e.region}`;

/** The partitions the evaluations come from, in order (each once when they come partition by partition). */
function partitionsIn(evaluations: readonly Evaluation[]): string[] {
  const out: string[] = [];
  for (const e of evaluations) if (out.at(-1) !== partitionOf(e)) out.push(partitionOf(e));
  return out;
}

describe('splitControls', () => {
  it('evaluates the controls that read no other resources page by page, and keeps the types the others read', () => {
    const split = splitControls(catalog().all());
    const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);
    expect(ids(split.page)).toContain('encrypted-volumes'); // change-triggered
    expect(ids(split.page)).toContain('s3-bucket-public-read-prohibited'); // periodic, reads a fact
    expect(ids(split.partition)).toContain('iam-group-has-users-check'); // joins IAM users
    expect(ids(split.partition)).toContain('ec2-ebs-encryption-by-default'); // account-level
    expect(split.page.filter((c) => c.trigger === 'change').length).toBe(
      catalog()
        .all()
        .filter((c) => c.trigger === 'change').length,
    );
    expect(split.page.every((c) => !c.accountLevel && c.needs.every((t) => t.startsWith('Rampart::')))).toBe(true);
    expect(split.page.length + split.partition.length).toBe(catalog().all().length);
    // Users: a periodic control joins them; groups: it evaluates them; volumes and buckets: page controls only.
    expect(split.keptTypes.has('AWS::IAM::User')).toBe(true);
    expect(split.keptTypes.has('AWS::IAM::Group')).toBe(true);
    expect(split.keptTypes.has('AWS::EC2::SecurityGroup')).toBe(true);
    expect(split.keptTypes.has('AWS::EC2::Volume')).toBe(false);
    expect(split.keptTypes.has('AWS::S3::Bucket')).toBe(false);
  });

  it('keeps what a control needing other resource types reads; a control needing only facts needs no items', () => {
    const needy = defineControl({ ...groupNamed, id: 'test-needy', needs: ['AWS::EC2::VPC'] });
    const split = splitControls([groupNamed, needy, topicWithEbsDefault]);
    expect(split.page.map((c) => c.id)).toEqual(['test-group-named', 'test-topic-ebs-default']);
    expect([...split.keptTypes].sort()).toEqual(['AWS::EC2::SecurityGroup', 'AWS::EC2::VPC']);
  });
});

/** A snapshot that notes every look-up a control makes through its context (and never memoizes, so each is seen). */
class RecordingSnapshot extends Snapshot {
  readonly lookups: string[] = [];

  override items(accountId: string, region: string, resourceType: string): readonly ConfigItem[] {
    this.lookups.push(`items ${accountId} ${region} ${resourceType}`);
    return super.items(accountId, region, resourceType);
  }

  override item(accountId: string, region: string, resourceType: string, resourceId: string): ConfigItem | undefined {
    this.lookups.push(`item ${accountId} ${region} ${resourceType}`);
    return super.item(accountId, region, resourceType, resourceId);
  }

  override fact(type: string, accountId: string, region: string) {
    this.lookups.push(`fact ${accountId} ${region} ${type}`);
    return super.fact(type, accountId, region);
  }

  override collectionError(accountId: string, region: string, type: string): CollectionError | undefined {
    this.lookups.push(`incomplete ${accountId} ${region} ${type}`);
    return super.collectionError(accountId, region, type);
  }

  override memo<T>(_key: string, build: () => T): T {
    return build();
  }
}

describe('the catalog keeps the contract page-by-page evaluation relies on', () => {
  // Over the demo account, which holds resources or facts for every control: each control alone.
  const demo = readFileSync(new URL('../../../../examples/demo-account.jsonl', import.meta.url), 'utf8');
  const split = splitControls(catalog().all());

  it.each(split.page.map((c) => [c.id, c] as const))(
    '%s reads nothing but its item and account-level facts of its partition',
    (_id, control) => {
      const snapshot = new RecordingSnapshot();
      loadInput(snapshot, demo, 'demo-account.jsonl');
      const run = evaluateSnapshot(snapshot, { controls: [control], now: NOW });
      expect(run.evaluations.length).toBeGreaterThan(0);
      for (const lookup of snapshot.lookups) {
        const [kind, accountId, region, type] = lookup.split(' ') as [string, string, string, string];
        expect(['fact', 'incomplete'], lookup).toContain(kind);
        expect(type.startsWith('Rampart::'), lookup).toBe(true);
        expect(accountId, lookup).toBe('111122223333');
        expect(['eu-west-1', 'global'], lookup).toContain(region);
      }
      if (control.trigger === 'change') expect(snapshot.lookups).toEqual([]);
    },
  );

  it.each(split.partition.map((c) => [c.id, c] as const))(
    '%s reads only the types it declares, in its partition and global',
    (_id, control) => {
      const snapshot = new RecordingSnapshot();
      loadInput(snapshot, demo, 'demo-account.jsonl');
      const run = evaluateSnapshot(snapshot, { controls: [control], now: NOW });
      expect(run.evaluations.length).toBeGreaterThan(0);
      const declared = new Set([...control.resourceTypes, ...control.needs]);
      for (const lookup of snapshot.lookups) {
        const [kind, accountId, region, type] = lookup.split(' ') as [string, string, string, string];
        expect(accountId, lookup).toBe('111122223333');
        expect(['eu-west-1', 'global'], lookup).toContain(region);
        // Facts come from the caller's direct reads, held for the whole scan; resources must be declared.
        if (kind === 'items' || kind === 'item') expect(declared.has(type), lookup).toBe(true);
      }
    },
  );
});

describe('evaluatePartitions', () => {
  it('equals one snapshot when the items a periodic control joins come on other pages, or from global', async () => {
    const { evaluations, reference, streamed, emitted } = await both(JOINS);
    expect(evaluations).toEqual(reference.evaluations);
    expect(streamed.scope).toEqual(reference.scope);
    // The join across pages and the global look-up from a region happened.
    const annotation = (id: string, controlId: string) =>
      evaluations.find((e) => e.resourceId === id && e.controlId === controlId)?.annotation;
    expect(annotation('sg-2', 'test-group-used')).toBe('AWS::EC2::SecurityGroup sg-2 is used by eni-1.');
    expect(annotation('i-1', 'test-instance-role')).toBe('AWS::EC2::Instance i-1 runs as AROA1.');
    expect(annotation('i-2', 'test-instance-role')).toBe('AWS::EC2::Instance i-2 runs as AROA2.');
    expect(annotation('i-3', 'test-instance-role')).toContain('does not exist');
    // Page controls read the facts of their partition: found, unreadable, absent.
    expect(annotation('topic-a', 'test-topic-ebs-default')).toBe(
      'AWS::SNS::Topic topic-a: EBS encryption by default is on.',
    );
    expect(annotation('topic-direct', 'test-topic-ebs-default')).toContain('is on');
    expect(annotation('t-us', 'test-topic-ebs-default')).toContain(
      'could not be read: ec2 GetEbsEncryptionByDefault failed',
    );
    expect(annotation('t-b', 'test-topic-ebs-default')).toContain(
      'The input holds no Rampart::EC2::EbsEncryptionByDefault fact',
    );
    // Chunks, never empty, each of one partition; the partitions in (account, region) order, `global`
    // among the regions (the empty ones, B's global and the caller's, emit nothing).
    expect(emitted.every((chunk) => chunk.length > 0)).toBe(true);
    expect(emitted.every((chunk) => chunk.every((e) => partitionOf(e) === partitionOf(chunk[0]!)))).toBe(true);
    expect(partitionsIn(evaluations)).toEqual([`${A} ${EU}`, `${A} ${GLOBAL_REGION}`, `${A} ${US}`, `${B} ${US}`]);
    // Kept: the account's global roles (instances look them up), and eu-west-1's security groups,
    // instances and interface. Held at most: those and the directly read topic (the topics of the
    // pages, dropped once evaluated, came while fewer items were kept).
    expect(streamed.stats).toMatchObject({ reads: 5, pages: 12, maxRowsHeld: 4, maxItemsKept: 7, maxItemsHeld: 8 });
  });

  it('keeps the later capture of a resource met twice, deleted or not, as one snapshot does', async () => {
    const { evaluations, reference } = await both(CAPTURES);
    expect(evaluations).toEqual(reference.evaluations);
    const verdicts = Object.fromEntries(
      evaluations
        .filter((e) => e.controlId === 'test-topic-encrypted' || e.controlId === 'test-group-named')
        .map((e) => [e.resourceId, `${e.compliance} ${e.annotation}`]),
    );
    expect(verdicts).toEqual({
      'back-then-deleted': 'NOT_APPLICABLE The resource was deleted.',
      'deleted-then-back': 'COMPLIANT Topic deleted-then-back uses k.',
      'same-time': 'NON_COMPLIANT AWS::SNS::Topic same-time is not encrypted.',
      'sg-1': 'COMPLIANT AWS::EC2::SecurityGroup sg-1 is named new.',
      'stale-copy-later': 'COMPLIANT Topic stale-copy-later uses k.',
      'twice-in-page': 'COMPLIANT Second verdict on twice-in-page.',
    });
  });

  it('gives INSUFFICIENT_DATA where a read failed part way, and keeps the evaluations of what it read', async () => {
    const failure: CollectionError = {
      accountId: A,
      region: EU,
      service: 'config',
      operation: 'SelectAggregateResourceConfig',
      resourceTypes: ['AWS::EC2::NetworkInterface', 'AWS::EC2::SecurityGroup', 'AWS::SNS::Topic'],
      code: 'ThrottlingException',
      message: 'Rate exceeded',
    };
    const { evaluations, reference, streamed } = await both({
      pages: {
        [`${A} ${EU}`]: [[row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1'), row(A, EU, 'AWS::SNS::Topic', 'topic-a')]],
      },
      failing: { [`${A} ${EU}`]: failure },
    });
    expect(evaluations).toEqual(reference.evaluations);
    expect(streamed.scope).toEqual(reference.scope);
    expect(streamed.collectionErrors).toEqual([failure]);
    expect(evaluations.map((e) => `${e.controlId} ${e.resourceId} ${e.compliance}`)).toEqual([
      'test-group-named sg-1 NON_COMPLIANT',
      'test-group-used sg-1 INSUFFICIENT_DATA',
      // No EBS fact for the account: insufficient, whatever the read of the partition did.
      'test-topic-ebs-default topic-a INSUFFICIENT_DATA',
      'test-topic-encrypted topic-a NON_COMPLIANT',
    ]);
  });

  it('fails a page control that looks up other resources loudly, never on a partial view', async () => {
    const peeking = defineControl({
      ...BASE,
      id: 'test-peeking',
      trigger: 'change',
      resourceTypes: ['AWS::SNS::Topic'],
      evaluate: (item, ctx) =>
        ctx.items('AWS::SNS::Topic').length > 1 ? compliant(`${item} has company.`) : nonCompliant(`${item} is alone.`),
    });
    const { evaluations } = await both(
      {
        pages: {
          [`${A} ${EU}`]: [[row(A, EU, 'AWS::SNS::Topic', 'topic-a')], [row(A, EU, 'AWS::SNS::Topic', 'topic-b')]],
        },
      },
      [peeking],
    );
    expect(evaluations.map((e) => e.compliance)).toEqual(['ERROR', 'ERROR']);
    expect(evaluations[0]!.annotation).toContain(
      `${new PageLookupError('').name}: a control that reads no other resources (not account-level, no AWS:: type in needs) looked up AWS::SNS::Topic items`,
    );
  });

  it('holds a page plus the kept items, however large the partition', async () => {
    const topics = Array.from({ length: 50 }, (_, p) =>
      Array.from({ length: 100 }, (_, i) => row(A, EU, 'AWS::SNS::Topic', `topic-${p}-${i}`)),
    );
    topics[7]!.push(row(A, EU, 'AWS::EC2::NetworkInterface', 'eni-1', { groups: [{ groupId: 'sg-1' }] }));
    topics[42]!.push(row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1'));
    const { evaluations, reference, streamed } = await both({ pages: { [`${A} ${EU}`]: topics } });
    expect(evaluations).toEqual(reference.evaluations);
    expect(streamed.rows).toBe(5002);
    expect(streamed.stats.maxItemsKept).toBe(2);
    expect(streamed.stats.maxItemsHeld).toBe(102);
    expect(streamed.stats.maxRowsHeld).toBe(101);
    // Evaluations wait for the partition to be complete, to be sorted: two per topic, two for the group.
    expect(streamed.stats.maxEvaluationsHeld).toBe(2 * 5000 + 2);
  });
});

/**
 * Page control giving verdicts about the topic's subscriptions only (none about the topic itself),
 * nothing at all for an empty list, and a verdict about the topic when it lists none.
 */
const topicSubscriptions = defineControl({
  ...BASE,
  id: 'test-topic-subscriptions',
  trigger: 'change',
  resourceTypes: ['AWS::SNS::Topic'],
  evaluate: (item) => {
    const subscriptions = item.config<{ subscriptions?: string[] }>().subscriptions;
    if (subscriptions === undefined) return compliant(`${item} lists no subscriptions.`);
    return subscriptions.map((id) => ({
      ...nonCompliant(`Subscription ${id} of ${item.resourceId} is not confirmed.`),
      resource: { type: 'AWS::SNS::Subscription', id },
    }));
  },
});

/**
 * A larger organization: resources met twice far apart in a partition (so, with a small bound, in
 * different sorted runs, or one spilled and one in memory), with earlier, later and equal captures,
 * deleted ones, verdicts about other resources that change between captures, global items met
 * twice in an account whose `global` partition is emitted after a region (eu-west-1) and in one
 * where it comes first (B: us-east-1 only), and the caller's direct reads of resources met again.
 */
function spread(): Organization {
  const topics = (p: number) =>
    Array.from({ length: 12 }, (_, i) =>
      row(A, EU, 'AWS::SNS::Topic', `topic-${p}-${i}`, i % 3 === 0 ? { kmsMasterKeyId: 'k' } : {}),
    );
  const eu: Record<string, unknown>[][] = Array.from({ length: 10 }, (_, p) => topics(p));
  const sub = (id: string, subscriptions: string[] | undefined, extra = {}) =>
    row(A, EU, 'AWS::SNS::Topic', id, subscriptions === undefined ? {} : { subscriptions }, extra);
  eu[0]!.push(
    sub('sub-newer-fewer', ['s1', 's2'], OLDER),
    sub('sub-silent-later', ['s5']),
    sub('sub-deleted-later', ['s6']),
    sub('sub-emptied-later', undefined),
    row(A, EU, 'AWS::SNS::Topic', 'twice-older-first', {}, OLDER),
    row(A, EU, 'AWS::SNS::Topic', 'stale-later', { kmsMasterKeyId: 'k' }, NEWER),
    row(A, EU, 'AWS::SNS::Topic', 'same-capture', {}),
    row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1', {}, { resourceName: 'old', ...OLDER }),
  );
  eu[1]!.push(sub('sub-older-later', ['s3'], NEWER), sub('sub-shared', ['s1']));
  eu[4]!.push(row(A, EU, 'AWS::EC2::NetworkInterface', 'eni-1', { groups: [{ groupId: 'sg-1' }] }));
  eu[7]!.push(sub('sub-older-later', ['s4'], OLDER));
  eu[8]!.push(
    row(A, EU, 'AWS::SNS::Topic', 'twice-older-first', { kmsMasterKeyId: 'k' }, NEWER),
    row(A, EU, 'AWS::SNS::Topic', 'stale-later', {}, OLDER),
    row(A, EU, 'AWS::SNS::Topic', 'same-capture', { kmsMasterKeyId: 'later' }),
    row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1', {}, { resourceName: 'new', ...NEWER }),
  );
  eu[9]!.push(
    sub('sub-newer-fewer', ['s1'], NEWER),
    sub('sub-silent-later', []),
    sub('sub-emptied-later', []),
    sub('sub-deleted-later', ['s6'], { ...DELETED, ...NEWER }),
    row(A, EU, 'AWS::SNS::Topic', 'topic-0-1', { kmsMasterKeyId: 'k' }, NEWER),
  );
  const roles = (p: number) =>
    Array.from({ length: 8 }, (_, i) => row(A, GLOBAL_REGION, 'AWS::IAM::Role', `AROA-${p}-${i}`, { path: '/' }));
  const global = [roles(0), roles(1), roles(2)];
  global[0]!.push(row(A, GLOBAL_REGION, 'AWS::IAM::Role', 'AROA-moved', { path: '/' }, OLDER));
  global[2]!.push(row(A, GLOBAL_REGION, 'AWS::IAM::Role', 'AROA-moved', { path: '/moved/' }, NEWER));
  return {
    pages: {
      [`${A} ${GLOBAL_REGION}`]: global,
      [`${A} ${EU}`]: eu,
      [`${A} ${US}`]: [[row(A, US, 'AWS::EC2::Instance', 'i-1', { role: 'AROA-moved' })]],
      [`${B} ${GLOBAL_REGION}`]: [
        [row(B, GLOBAL_REGION, 'AWS::IAM::Role', 'AROA-b', { path: '/' })],
        [row(B, GLOBAL_REGION, 'AWS::IAM::Role', 'AROA-b', { path: '/b/' }, NEWER)],
      ],
      [`${B} ${US}`]: [
        Array.from({ length: 30 }, (_, i) => row(B, US, 'AWS::SNS::Topic', `b-topic-${i}`)),
        [
          row(B, US, 'AWS::EC2::Instance', 'i-b', { role: 'AROA-b' }),
          row(B, US, 'AWS::SNS::Topic', 'b-topic-3', {}, NEWER),
        ],
      ],
    },
    side: [
      row(A, EU, EbsEncryptionByDefaultFact.type, `${A}/${EU}`, { enabled: true, kmsKeyId: null }),
      row(A, EU, 'AWS::SNS::Topic', 'same-capture', { kmsMasterKeyId: 'side' }),
      row(A, EU, 'AWS::SNS::Topic', 'topic-5-5', { kmsMasterKeyId: 'side' }, NEWER),
    ],
  };
}

describe('evaluatePartitions with a bound on the evaluations held in memory', () => {
  const controls = [...CONTROLS, topicSubscriptions];
  const partitionControls = new Set(splitControls(controls).partition.map((c) => c.id));
  let parent: string;
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'rampart-spill-test-'));
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  /** The most partition-control evaluations of one partition: held besides the bound while it is emitted. */
  const mostPartitionControlEvaluations = (evaluations: readonly Evaluation[]) => {
    const counts = new Map<string, number>();
    for (const e of evaluations) {
      if (partitionControls.has(e.controlId)) counts.set(partitionOf(e), (counts.get(partitionOf(e)) ?? 0) + 1);
    }
    return Math.max(0, ...counts.values());
  };

  const scenarios: [string, () => Organization][] = [
    ['joins across pages and global', () => JOINS],
    ['resources met twice in one partition', () => CAPTURES],
    ['resources met twice far apart, in several accounts', spread],
  ];

  it.each(scenarios)('%s: the same evaluations, in the same order, whatever the bound', async (_name, org) => {
    const unbounded = await both(org(), controls);
    expect(unbounded.evaluations).toEqual(unbounded.reference.evaluations);
    expect(unbounded.streamed.stats).toMatchObject({ spilledRuns: 0, spilledEvaluations: 0 });
    const most = mostPartitionControlEvaluations(unbounded.evaluations);
    for (const bound of [1, 7, 100]) {
      const dir = mkdtempSync(join(parent, 'case-'));
      const bounded = await both(org(), controls, { maxEvaluationsInMemory: bound, temporaryDirectory: dir });
      expect(bounded.evaluations, `bound ${bound}`).toEqual(unbounded.evaluations);
      expect(bounded.streamed.scope).toEqual(unbounded.streamed.scope);
      expect(bounded.streamed.collectionErrors).toEqual(unbounded.streamed.collectionErrors);
      const { stats } = bounded.streamed;
      // Runs were spilled (by every partition holding more than the bound), then merged.
      if (unbounded.evaluations.length - most > bound) expect(stats.spilledRuns, `bound ${bound}`).toBeGreaterThan(0);
      expect(stats.spilledEvaluations).toBeGreaterThanOrEqual(stats.spilledRuns);
      // The bound holds, besides the partition controls' evaluations of the partition emitted; a
      // merge reads two runs and emits one evaluation, so it holds three when the bound is smaller.
      expect(stats.maxEvaluationsHeld, `bound ${bound}`).toBeLessThanOrEqual(Math.max(bound, 3) + most);
      // Chunks are never empty, of one partition each, and at most a quarter of the bound (at least one).
      const chunk = Math.max(1, Math.floor(bound / 4));
      for (const list of bounded.emitted) {
        expect(list.length).toBeGreaterThan(0);
        expect(list.length).toBeLessThanOrEqual(chunk);
        expect(new Set(list.map(partitionOf)).size).toBe(1);
      }
      // Everything the scan wrote to disk is gone.
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it.each(scenarios)('%s: the same evaluations when the kept items wait on disk', async (_name, org) => {
    const unbounded = await both(org(), controls);
    expect(unbounded.streamed.stats.spilledItems).toBe(0);
    for (const [items, evaluations] of [
      [0, undefined],
      [1, undefined],
      [3, 7],
    ] as const) {
      const dir = mkdtempSync(join(parent, 'kept-'));
      const bounded = await both(org(), controls, {
        maxItemsInMemory: items,
        ...(evaluations !== undefined ? { maxEvaluationsInMemory: evaluations } : {}),
        temporaryDirectory: dir,
      });
      const label = `${items} items, ${evaluations ?? 'default'} evaluations`;
      expect(bounded.evaluations, label).toEqual(unbounded.evaluations);
      expect(bounded.evaluations, label).toEqual(bounded.reference.evaluations);
      expect(bounded.streamed.scope).toEqual(unbounded.streamed.scope);
      const { stats } = bounded.streamed;
      // Every partition with more kept items than the bound waited on disk; in memory, at most the
      // bound of the partition and of its account's global partition.
      if (items === 0) expect(stats.spilledItems, label).toBeGreaterThan(0);
      else if (stats.spilledItems === 0) expect(unbounded.streamed.stats.maxItemsKept).toBeLessThanOrEqual(2 * items);
      expect(stats.maxItemsKept, label).toBeLessThanOrEqual(2 * items);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('rejects a bound on kept items that is not a whole number', async () => {
    for (const bound of [-1, 1.5, Number.NaN]) {
      await expect(both(JOINS, controls, { maxItemsInMemory: bound })).rejects.toThrow(
        `maxItemsInMemory must be a non-negative integer, not ${bound}`,
      );
    }
  });

  it('keeps, of a resource met twice in different runs, the verdicts of the later capture only', async () => {
    const dir = mkdtempSync(join(parent, 'verdicts-'));
    const { evaluations, reference, streamed } = await both(spread(), controls, {
      maxEvaluationsInMemory: 7,
      temporaryDirectory: dir,
    });
    expect(evaluations).toEqual(reference.evaluations);
    expect(streamed.stats.spilledRuns).toBeGreaterThan(10);
    const about = (controlId: string, type: string) =>
      evaluations
        .filter((e) => e.controlId === controlId && e.resourceType === type)
        .map((e) => `${e.resourceId} ${e.compliance} ${e.annotation}`);
    // Verdicts about other resources: of the later capture only, dropped when it says nothing or is deleted.
    expect(about('test-topic-subscriptions', 'AWS::SNS::Subscription')).toEqual([
      's1 NON_COMPLIANT Subscription s1 of sub-newer-fewer is not confirmed.',
      's1 NON_COMPLIANT Subscription s1 of sub-shared is not confirmed.',
      's3 NON_COMPLIANT Subscription s3 of sub-older-later is not confirmed.',
    ]);
    const topic = (id: string) =>
      evaluations
        .filter((e) => e.resourceId === id && e.controlId !== 'test-topic-ebs-default')
        .map((e) => `${e.controlId} ${e.compliance} ${e.annotation}`);
    expect(topic('sub-deleted-later')).toEqual([
      'test-topic-encrypted NOT_APPLICABLE The resource was deleted.',
      'test-topic-subscriptions NOT_APPLICABLE The resource was deleted.',
    ]);
    // The later capture gives no verdict at all: the earlier one's, about the topic itself, is dropped.
    expect(topic('sub-emptied-later')).toEqual([
      'test-topic-encrypted NON_COMPLIANT AWS::SNS::Topic sub-emptied-later is not encrypted.',
    ]);
    expect(topic('sub-silent-later')).toEqual([
      'test-topic-encrypted NON_COMPLIANT AWS::SNS::Topic sub-silent-later is not encrypted.',
    ]);
    expect(topic('twice-older-first')).toEqual([
      'test-topic-encrypted COMPLIANT Topic twice-older-first uses k.',
      'test-topic-encrypted COMPLIANT Second verdict on twice-older-first.',
      'test-topic-subscriptions COMPLIANT AWS::SNS::Topic twice-older-first lists no subscriptions.',
    ]);
    expect(topic('stale-later')[0]).toBe('test-topic-encrypted COMPLIANT Topic stale-later uses k.');
    // Equal captures: the later line wins, the caller's direct read (first) loses.
    expect(topic('same-capture')[0]).toBe('test-topic-encrypted COMPLIANT Topic same-capture uses later.');
    expect(topic('topic-5-5')[0]).toBe('test-topic-encrypted COMPLIANT Topic topic-5-5 uses side.');
    expect(topic('sg-1')).toEqual([
      'test-group-named COMPLIANT AWS::EC2::SecurityGroup sg-1 is named new.',
      'test-group-used COMPLIANT AWS::EC2::SecurityGroup sg-1 is used by eni-1.',
    ]);
    expect(topic('AROA-moved')).toEqual(['test-role-path NON_COMPLIANT AWS::IAM::Role AROA-moved is under /moved/.']);
    expect(topic('AROA-b')).toEqual(['test-role-path NON_COMPLIANT AWS::IAM::Role AROA-b is under /b/.']);
  });

  it('holds the bound in one large partition, and holds all of it with the default bound', async () => {
    const pages = Array.from({ length: 40 }, (_, p) =>
      Array.from({ length: 100 }, (_, i) => row(A, EU, 'AWS::SNS::Topic', `topic-${(i * 40 + p) % 4000}`)),
    );
    pages[20]!.push(row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1'));
    const org: Organization = { pages: { [`${A} ${EU}`]: pages } };
    const dir = mkdtempSync(join(parent, 'large-'));
    const bounded = await both(org, CONTROLS, { maxEvaluationsInMemory: 500, temporaryDirectory: dir });
    expect(bounded.evaluations).toEqual(bounded.reference.evaluations);
    // Two evaluations a topic, two for the group (partition controls: one).
    expect(bounded.evaluations.length).toBe(2 * 4000 + 2);
    // 8,001 page-control evaluations: 16 runs of 500, and the last one when the partition is complete.
    expect(bounded.streamed.stats.spilledRuns).toBe(17);
    expect(bounded.streamed.stats.spilledEvaluations).toBe(2 * 4000 + 1);
    expect(bounded.streamed.stats.maxEvaluationsHeld).toBeLessThanOrEqual(500 + 1);
    expect(bounded.emitted.length).toBe(Math.ceil(8002 / 125));
    const unbounded = await both(org, CONTROLS);
    expect(unbounded.evaluations).toEqual(bounded.evaluations);
    expect(unbounded.streamed.stats.maxEvaluationsHeld).toBe(8002);
    expect(DEFAULT_MAX_EVALUATIONS_IN_MEMORY).toBe(50_000);
  });

  it('removes its temporary directory when the page iterator throws mid-partition', async () => {
    const dir = mkdtempSync(join(parent, 'throw-'));
    let seen: string[] = [];
    const failing = both(spread(), controls, {
      maxEvaluationsInMemory: 7,
      temporaryDirectory: dir,
      onPage: (page) => {
        if (page < 8) return;
        seen = readdirSync(dir).flatMap((d) => readdirSync(join(dir, d)).map((f) => `${d}/${f}`));
        throw new Error('connection reset');
      },
    });
    await expect(failing).rejects.toThrow('connection reset');
    // Runs had been written in the scan's own directory; nothing is left of it.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((f) => /^rampart-scan-[^/]+\/run-\d+\.jsonl$/.test(f))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  /** Runs `spread` with a bound of 7, tampering with the temporary files as page `at` is taken. */
  async function tampered(at: number, tamper: (spillDir: string) => void) {
    const dir = mkdtempSync(join(parent, 'tamper-'));
    const run = both(spread(), controls, {
      maxEvaluationsInMemory: 7,
      temporaryDirectory: dir,
      onPage: (page) => {
        if (page === at) tamper(join(dir, readdirSync(dir)[0]!));
      },
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(readdirSync(dir)).toEqual([]);
    return error;
  }

  it('fails, naming the file, when a sorted run cannot be written', async () => {
    let gone = '';
    const error = await tampered(6, (spillDir) => {
      gone = spillDir;
      rmSync(spillDir, { recursive: true });
    });
    expect(error?.name).toBe('SpillError');
    expect(error?.message).toMatch(new RegExp(`^cannot write the sorted run ${gone}/run-\\d+\\.jsonl: ENOENT`));
  });

  it('fails, naming the file, when a sorted run cannot be read back, or was cut short', async () => {
    let removed = '';
    const missing = await tampered(6, (spillDir) => {
      removed = join(spillDir, readdirSync(spillDir).sort()[0]!);
      rmSync(removed);
    });
    expect(missing?.name).toBe('SpillError');
    expect(missing?.message).toMatch(/^cannot read the sorted run .*: ENOENT/);
    expect(missing?.message).toContain(removed);

    let cut = '';
    const truncated = await tampered(6, (spillDir) => {
      const runs = readdirSync(spillDir).map((f) => join(spillDir, f));
      cut = runs.find((f) => readFileSync(f, 'utf8').split('\n').length > 3)!;
      const lines = readFileSync(cut, 'utf8').split('\n');
      truncateSync(cut, lines[0]!.length + 1 + lines[1]!.length + 1);
    });
    expect(truncated?.message).toMatch(/^sorted run .* holds 2 entries, \d+ were written$/);
    expect(truncated?.message).toContain(cut);
    expect(existsSync(cut)).toBe(false);
  });

  it('fails clearly when its temporary directory cannot be made, or the bound is not a positive integer', async () => {
    const nowhere = join(parent, 'no-such-directory');
    await expect(both(spread(), controls, { maxEvaluationsInMemory: 7, temporaryDirectory: nowhere })).rejects.toThrow(
      `cannot make a temporary directory ${nowhere}/rampart-scan-* for sorted runs: ENOENT`,
    );
    for (const bound of [0, 2.5, Number.NaN]) {
      await expect(both(JOINS, controls, { maxEvaluationsInMemory: bound })).rejects.toThrow(
        `maxEvaluationsInMemory must be a positive integer, not ${bound}`,
      );
    }
  });
});
