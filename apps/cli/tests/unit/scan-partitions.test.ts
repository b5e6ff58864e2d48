import { readFileSync } from 'node:fs';
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
import { describe, expect, it } from 'vitest';
import {
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
async function both(org: Organization, controls = CONTROLS) {
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
  async function* pages(): AsyncGenerator<PartitionPage> {
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
  };
  const streamed = await evaluatePartitions(input);
  const reference = evaluateSnapshot(whole, { controls, now: NOW });
  return { streamed, emitted, evaluations: emitted.flat(), reference };
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
    const { evaluations, reference, streamed, emitted } = await both({
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
    });
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
    // One emit per partition, in (account, region) order, `global` among the regions.
    expect(emitted.map((list) => [list[0]?.accountId, list[0]?.region])).toEqual([
      [A, EU],
      [A, GLOBAL_REGION],
      [A, US],
      [undefined, undefined],
      [undefined, undefined],
      [B, US],
    ]);
    // Kept: the account's global roles (instances look them up), and eu-west-1's security groups,
    // instances and interface. Held at most: those and the directly read topic (the topics of the
    // pages, dropped once evaluated, came while fewer items were kept).
    expect(streamed.stats).toMatchObject({ reads: 5, pages: 12, maxRowsHeld: 4, maxItemsKept: 7, maxItemsHeld: 8 });
  });

  it('keeps the later capture of a resource met twice, deleted or not, as one snapshot does', async () => {
    const deleted = { configurationItemStatus: 'ResourceDeleted' };
    const older = { configurationItemCaptureTime: '2026-01-01T00:00:00.000Z' };
    const newer = { configurationItemCaptureTime: '2026-11-29T07:00:00.000Z' };
    const { evaluations, reference } = await both({
      pages: {
        [`${A} ${EU}`]: [
          [
            row(A, EU, 'AWS::SNS::Topic', 'deleted-then-back', {}, deleted),
            row(A, EU, 'AWS::SNS::Topic', 'back-then-deleted', { kmsMasterKeyId: 'k' }),
            row(A, EU, 'AWS::SNS::Topic', 'stale-copy-later', { kmsMasterKeyId: 'k' }),
            row(A, EU, 'AWS::SNS::Topic', 'same-time', { kmsMasterKeyId: 'k' }),
            row(A, EU, 'AWS::SNS::Topic', 'twice-in-page', {}),
            row(A, EU, 'AWS::SNS::Topic', 'twice-in-page', { kmsMasterKeyId: 'k' }, newer),
            row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1', {}, { resourceName: 'old' }),
          ],
          [
            row(A, EU, 'AWS::SNS::Topic', 'deleted-then-back', { kmsMasterKeyId: 'k' }, newer),
            row(A, EU, 'AWS::SNS::Topic', 'back-then-deleted', {}, { ...deleted, ...newer }),
            row(A, EU, 'AWS::SNS::Topic', 'stale-copy-later', {}, older),
            row(A, EU, 'AWS::SNS::Topic', 'same-time', {}),
            row(A, EU, 'AWS::EC2::SecurityGroup', 'sg-1', {}, { ...newer, resourceName: 'new' }),
          ],
        ],
      },
      side: [row(A, EU, 'AWS::SNS::Topic', 'same-time', { kmsMasterKeyId: 'side' })],
    });
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
