import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CollectionError,
  EbsEncryptionByDefaultFact,
  formatProblem,
  GLOBAL_REGION,
  GuardDutyStatusFact,
  loadInput,
  PasswordPolicyFact,
  Snapshot,
} from '../../../src/index.js';
import { ACCOUNT, factItem, fixture, type Json, REGION, toApiShape, toSelectRow } from '../../helpers.js';

const bucket = () => fixture('AWS::S3::Bucket', 'encrypted');
const otherBucket = () => fixture('AWS::S3::Bucket', 'defaults');
const sg = () => fixture('AWS::EC2::SecurityGroup', 'restricted');

const header = (over: Json = {}) => ({
  snapshot: {
    version: 1,
    capturedAt: '2026-11-29T08:00:00Z',
    accounts: [ACCOUNT],
    regions: [REGION],
    tool: 'rampart 0.1.0',
    ...over,
  },
});

const collectionError = (over: Partial<CollectionError> = {}): CollectionError => ({
  accountId: ACCOUNT,
  region: REGION,
  service: 'guardduty',
  operation: 'ListDetectors',
  resourceTypes: ['AWS::GuardDuty::Detector', 'Rampart::GuardDuty::Status'],
  code: 'AccessDeniedException',
  message: 'User is not authorized to perform: guardduty:ListDetectors',
  ...over,
});

const lines = (...values: unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');

function load(text: string, source = 'input.jsonl') {
  const snapshot = new Snapshot();
  const result = loadInput(snapshot, text, source);
  return { snapshot, ...result };
}

const ids = (snapshot: Snapshot, type = 'AWS::S3::Bucket', region = REGION, account = ACCOUNT) =>
  snapshot.items(account, region, type).map((i) => i.resourceId);

describe('loadInput: JSON array', () => {
  it('loads every item of a JSON array, in any of the three shapes', () => {
    const text = JSON.stringify([bucket(), toApiShape(otherBucket()), toSelectRow(sg())]);
    const { snapshot, items, problems } = load(text, 'cis.json');
    expect(problems).toEqual([]);
    expect(items).toBe(3);
    expect(snapshot.size).toBe(3);
    expect(ids(snapshot).sort()).toEqual(['acme-app-data', 'acme-build-cache']);
    expect(ids(snapshot, 'AWS::EC2::SecurityGroup')).toEqual(['sg-0a1b2c3d4e5f60718']);
    expect(snapshot.headers).toEqual([]);
    expect(snapshot.capturedAt).toBeUndefined();
  });

  it('reports a bad item with its index and zod path, and loads the rest', () => {
    const bad = bucket();
    delete bad['resourceId'];
    const { snapshot, items, problems } = load(JSON.stringify([otherBucket(), bad, sg()]), 'cis.json');
    expect(items).toBe(2);
    expect(snapshot.size).toBe(2);
    expect(problems).toEqual([
      { source: 'cis.json', position: 'index 1', path: 'resourceId', message: expect.stringContaining('event shape') },
    ]);
    expect(formatProblem(problems[0]!)).toMatch(/^cis\.json index 1 \(resourceId\): /);
  });

  it('reports non-object entries with their index', () => {
    const { items, problems } = load(JSON.stringify([bucket(), 42, null]), 'cis.json');
    expect(items).toBe(1);
    expect(problems.map((p) => [p.position, p.message])).toEqual([
      ['index 1', 'expected a configuration item object, got number'],
      ['index 2', 'expected a configuration item object, got null'],
    ]);
  });

  it('an empty array loads nothing and is no problem', () => {
    expect(load('[]')).toMatchObject({ items: 0, problems: [] });
  });

  it('a broken JSON array is one problem for the file', () => {
    const text = JSON.stringify([bucket(), sg()], null, 2).slice(0, -20);
    const { items, problems } = load(text, 'cis.json');
    expect(items).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: 'cis.json', position: 'file', path: '' });
    expect(problems[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('accepts a byte-order mark before the array', () => {
    expect(load(`\ufeff${JSON.stringify([bucket()])}`)).toMatchObject({ items: 1, problems: [] });
  });
});

describe('loadInput: JSON Lines snapshot', () => {
  const good = () =>
    lines(
      header(),
      bucket(),
      '',
      toApiShape(otherBucket()),
      '   ',
      toSelectRow(sg()),
      factItem(EbsEncryptionByDefaultFact, { enabled: true, kmsKeyId: 'alias/aws/ebs' }),
      factItem(PasswordPolicyFact, { policy: null }),
      { collectionError: collectionError() },
      '',
    );

  it('loads the header, items, facts and collection errors; blank lines are skipped', () => {
    const { snapshot, items, problems } = load(good());
    expect(problems).toEqual([]);
    expect(snapshot.problems).toEqual([]);
    expect(items).toBe(5);
    expect(snapshot.size).toBe(3);
    expect(snapshot.headers).toHaveLength(1);
    expect(snapshot.capturedAt).toBe('2026-11-29T08:00:00Z');
    expect(snapshot.accounts()).toEqual([ACCOUNT]);
    expect(snapshot.regions()).toEqual([REGION]);
    expect(snapshot.fact(EbsEncryptionByDefaultFact.type, ACCOUNT, REGION)?.value).toEqual({
      enabled: true,
      kmsKeyId: 'alias/aws/ebs',
    });
    // Global facts live in region "global".
    expect(snapshot.fact(PasswordPolicyFact.type, ACCOUNT, GLOBAL_REGION)?.value).toEqual({ policy: null });
    expect(snapshot.hasFacts(ACCOUNT)).toBe(true);
    expect(snapshot.collectionErrors()).toEqual([collectionError()]);
    expect(snapshot.collectionError(ACCOUNT, REGION, 'Rampart::GuardDuty::Status')).toEqual(collectionError());
    expect(snapshot.collectionError(ACCOUNT, REGION, 'AWS::S3::Bucket')).toBeUndefined();
  });

  it('accepts CRLF line endings', () => {
    const { items, problems } = load(good().replace(/\n/g, '\r\n'));
    expect(problems).toEqual([]);
    expect(items).toBe(5);
  });

  it('fact values are parsed by their schema (defaults applied)', () => {
    const { snapshot } = load(lines(header(), factItem(GuardDutyStatusFact, { detectorId: 'd-1', status: 'ENABLED' })));
    expect(snapshot.fact(GuardDutyStatusFact.type, ACCOUNT, REGION)?.value).toEqual({
      detectorId: 'd-1',
      status: 'ENABLED',
      features: [],
    });
  });

  it('an invalid fact is a problem at "configuration.<field>" and is not loaded', () => {
    const text = lines(
      header(),
      bucket(),
      factItem(EbsEncryptionByDefaultFact, { enabled: 'yes' }),
      factItem(GuardDutyStatusFact, { detectorId: 'd-1', status: 'ENABLED' }),
    );
    const { snapshot, items, problems } = load(text);
    expect(problems).toEqual([]);
    expect(items).toBe(2);
    expect(snapshot.problems).toEqual([
      {
        source: 'input.jsonl',
        position: 'line 3',
        path: 'configuration.enabled',
        message: expect.stringContaining(`Rampart::EC2::EbsEncryptionByDefault ${ACCOUNT}/${REGION}`),
      },
    ]);
    expect(snapshot.fact(EbsEncryptionByDefaultFact.type, ACCOUNT, REGION)).toBeUndefined();
    expect(snapshot.fact(GuardDutyStatusFact.type, ACCOUNT, REGION)).toBeDefined();
  });

  it('a nested invalid fact field has its full path', () => {
    const { snapshot } = load(
      lines(
        header(),
        factItem(GuardDutyStatusFact, {
          detectorId: 'd-1',
          status: 'ENABLED',
          features: [{ name: 'S3_DATA_EVENTS', status: 'ON' }],
        }),
      ),
    );
    expect(snapshot.problems.map((p) => p.path)).toEqual(['configuration.features.0.status']);
  });

  it('an unknown Rampart:: type is a problem at "resourceType"', () => {
    const { snapshot, items } = load(
      lines(header(), {
        resourceType: 'Rampart::Nope::Thing',
        resourceId: ACCOUNT,
        awsAccountId: ACCOUNT,
        awsRegion: REGION,
        configuration: {},
      }),
    );
    expect(items).toBe(0);
    expect(snapshot.problems).toEqual([
      {
        source: 'input.jsonl',
        position: 'line 2',
        path: 'resourceType',
        message: 'unknown fact type Rampart::Nope::Thing',
      },
    ]);
  });

  it('an invalid collectionError line is a problem at "collectionError.<field>"', () => {
    const { snapshot, items, problems } = load(
      lines(header(), { collectionError: { ...collectionError(), operation: '', resourceTypes: 'x' } }, bucket()),
    );
    expect(items).toBe(1);
    expect(snapshot.collectionErrors()).toEqual([]);
    expect(problems.map((p) => [p.position, p.path])).toEqual([
      ['line 2', 'collectionError.operation'],
      ['line 2', 'collectionError.resourceTypes'],
    ]);
  });

  it('an invalid header is a problem at "snapshot.<field>"', () => {
    const { snapshot, problems, items } = load(lines(header({ version: 2, capturedAt: 'yesterday' }), bucket()));
    expect(items).toBe(1);
    expect(snapshot.headers).toEqual([]);
    expect(problems.map((p) => [p.position, p.path])).toEqual([
      ['line 1', 'snapshot.version'],
      ['line 1', 'snapshot.capturedAt'],
    ]);
  });

  it('a later broken line is one problem at "line N"; the other lines are loaded', () => {
    const text = lines(header(), bucket(), '{"resourceType": "AWS::S3::Bucket", "resourc', sg(), otherBucket());
    const { snapshot, items, problems } = load(text);
    expect(items).toBe(3);
    expect(snapshot.size).toBe(3);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: 'input.jsonl', position: 'line 3', path: '' });
    expect(problems[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('a broken first line is a problem at "line 1"; the other lines are loaded', () => {
    const text = lines('{"snapshot": {"version": 1, "capturedAt": ', bucket(), sg());
    const { snapshot, items, problems } = load(text);
    expect(items).toBe(2);
    expect(snapshot.size).toBe(2);
    expect(problems.map((p) => p.position)).toEqual(['line 1']);
  });

  it('lines holding SelectResourceConfig rows as JSON strings load', () => {
    const text = [JSON.stringify(toSelectRow(bucket())), JSON.stringify(toSelectRow(sg()))].join('\n');
    expect(load(text)).toMatchObject({ items: 2, problems: [] });
  });

  it('line numbers count blank lines', () => {
    const bad = bucket();
    bad['awsRegion'] = 7;
    const { problems } = load(lines(header(), '', '', bad));
    expect(problems).toEqual([
      { source: 'input.jsonl', position: 'line 4', path: 'awsRegion', message: expect.stringContaining('event shape') },
    ]);
  });

  it('a JSON Lines file of items only (no header) loads', () => {
    const { snapshot, items, problems } = load(lines(bucket(), sg()));
    expect(problems).toEqual([]);
    expect(items).toBe(2);
    expect(snapshot.headers).toEqual([]);
  });

  it('several headers: accounts and regions add up, the latest capturedAt wins', () => {
    const snapshot = new Snapshot();
    loadInput(snapshot, lines(header()), 'a.jsonl');
    loadInput(
      snapshot,
      lines(header({ capturedAt: '2026-11-30T08:00:00Z', accounts: ['210987654321'], regions: ['us-east-1'] })),
      'b.jsonl',
    );
    loadInput(snapshot, lines(header({ capturedAt: '2026-11-01T08:00:00Z' })), 'c.jsonl');
    expect(snapshot.capturedAt).toBe('2026-11-30T08:00:00Z');
    expect(snapshot.accounts()).toEqual([ACCOUNT, '210987654321'].sort());
    expect(snapshot.regions()).toEqual(['eu-west-1', 'us-east-1']);
  });
});

describe('loadInput: single documents', () => {
  it('a pretty-printed single CI object', () => {
    const { snapshot, items, problems } = load(JSON.stringify(bucket(), null, 2), 'bucket.json');
    expect(problems).toEqual([]);
    expect(items).toBe(1);
    expect(ids(snapshot)).toEqual(['acme-app-data']);
  });

  it('a single CI on one line', () => {
    expect(load(JSON.stringify(toApiShape(bucket())))).toMatchObject({ items: 1, problems: [] });
  });

  it('GetResourceConfigHistory response ({"configurationItems": [...]})', () => {
    const text = JSON.stringify(
      { configurationItems: [toApiShape(bucket()), toApiShape(sg())], nextToken: 'abc' },
      null,
      2,
    );
    const { snapshot, items, problems } = load(text, 'history.json');
    expect(problems).toEqual([]);
    expect(items).toBe(2);
    expect(snapshot.item(ACCOUNT, REGION, 'AWS::S3::Bucket', 'acme-app-data')?.shape).toBe('api');
  });

  it('BatchGetResourceConfig response ({"baseConfigurationItems": [...]})', () => {
    const text = JSON.stringify({ baseConfigurationItems: [toApiShape(bucket())], unprocessedResourceKeys: [] });
    expect(load(text)).toMatchObject({ items: 1, problems: [] });
  });

  it('SelectResourceConfig response ({"Results": ["<json string>", ...]})', () => {
    const text = JSON.stringify({
      Results: [toSelectRow(bucket()), toSelectRow(sg())],
      QueryInfo: { SelectFields: [{ Name: 'resourceId' }] },
    });
    const { snapshot, items, problems } = load(text);
    expect(problems).toEqual([]);
    expect(items).toBe(2);
    expect(snapshot.item(ACCOUNT, REGION, 'AWS::EC2::SecurityGroup', 'sg-0a1b2c3d4e5f60718')?.shape).toBe('select');
  });

  it('a bad item in a response is reported with the key and index', () => {
    const bad = toApiShape(bucket());
    delete bad['accountId'];
    const { items, problems } = load(JSON.stringify({ configurationItems: [toApiShape(sg()), bad] }), 'history.json');
    expect(items).toBe(1);
    expect(problems).toEqual([
      {
        source: 'history.json',
        position: 'configurationItems[1]',
        path: 'accountId',
        message: expect.stringContaining('api shape'),
      },
    ]);
  });

  it('an AWS Config invoking event ({"invokingEvent": "{\\"configurationItem\\": ...}"})', () => {
    const event = {
      version: '1.0',
      invokingEvent: JSON.stringify({
        configurationItemDiff: null,
        configurationItem: bucket(),
        notificationCreationTime: '2026-11-20T10:16:02.113Z',
        messageType: 'ConfigurationItemChangeNotification',
        recordVersion: '1.3',
      }),
      ruleParameters: '{"controlId":"s3-bucket-versioning-enabled"}',
      resultToken: 'token',
      eventLeftScope: false,
      executionRoleArn: 'arn:aws:iam::123456789012:role/rampart-config-rules',
      configRuleArn: 'arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-abc123',
      configRuleName: 'rampart-s3-bucket-versioning-enabled',
      configRuleId: 'config-rule-abc123',
      accountId: ACCOUNT,
      evaluationMode: 'DETECTIVE',
    };
    const { snapshot, items, problems } = load(JSON.stringify(event, null, 2), 'event.json');
    expect(problems).toEqual([]);
    expect(items).toBe(1);
    expect(ids(snapshot)).toEqual(['acme-app-data']);
  });

  it('a decoded invoking event ({"configurationItem": ...})', () => {
    const { items, problems } = load(
      JSON.stringify({ configurationItem: sg(), messageType: 'ConfigurationItemChangeNotification' }),
    );
    expect(problems).toEqual([]);
    expect(items).toBe(1);
  });
});

describe('loadInput: empty and unreadable input', () => {
  it.each(['', '   ', '\n\n\t\r\n', '\ufeff'])('empty input (%j) is one problem', (text) => {
    expect(load(text, 'empty.json')).toMatchObject({
      items: 0,
      problems: [{ source: 'empty.json', position: 'file', path: '', message: 'the input is empty' }],
    });
  });

  it('a file that is neither JSON nor JSON Lines is one problem, not one per line', () => {
    const yaml = [
      'resources:',
      '  - type: AWS::S3::Bucket',
      '    id: acme-app-data',
      '  - type: AWS::EC2::SecurityGroup',
      '',
    ].join('\n');
    const { items, problems } = load(yaml, 'resources.yaml');
    expect(items).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: 'resources.yaml', position: 'file', path: '' });
    expect(problems[0]!.message).toMatch(/JSON Lines/);
  });

  it('a CSV file is one problem', () => {
    const csv = ['resourceType,resourceId', 'AWS::S3::Bucket,acme-app-data', 'AWS::S3::Bucket,acme-logs'].join('\n');
    expect(load(csv, 'r.csv').problems).toHaveLength(1);
  });

  it('a broken pretty-printed JSON object is one problem, not one per line', () => {
    const text = JSON.stringify(bucket(), null, 2).replace('"resourceType": ', '"resourceType" ');
    const { items, problems } = load(text, 'bucket.json');
    expect(items).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: 'bucket.json', position: 'file', path: '' });
  });
});

describe('loadInput (property-based)', () => {
  const check = (text: string) => {
    const snapshot = new Snapshot();
    const result = loadInput(snapshot, text, 'fuzz');
    expect(result.items).toBeGreaterThanOrEqual(0);
    for (const p of [...result.problems, ...snapshot.problems]) {
      expect(typeof p.position).toBe('string');
      expect(typeof p.path).toBe('string');
      expect(typeof p.message).toBe('string');
    }
  };

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 300 });
  });

  it('never throws on arbitrary JSON documents and JSON Lines', () => {
    const entry = fc.oneof(
      fc.jsonValue(),
      fc.record({ snapshot: fc.jsonValue() }),
      fc.record({ collectionError: fc.jsonValue() }),
      fc.record({ configurationItems: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
      fc.record({ invokingEvent: fc.jsonValue().map((v) => JSON.stringify(v)) }),
      fc.record({
        resourceType: fc.constantFrom('Rampart::EC2::EbsEncryptionByDefault', 'Rampart::Unknown', 'AWS::S3::Bucket'),
        resourceId: fc.string({ minLength: 1 }),
        awsAccountId: fc.constantFrom(ACCOUNT, ''),
        awsRegion: fc.constantFrom(REGION, GLOBAL_REGION),
        configuration: fc.jsonValue(),
      }),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.boolean(), (entries, asArray) => {
        check(asArray ? JSON.stringify(entries) : entries.map((e) => JSON.stringify(e)).join('\n'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('loadInput: facts in the Config API shape', () => {
  it('a fact whose configuration is a JSON string is decoded and validated', () => {
    const fact = factItem(EbsEncryptionByDefaultFact, { enabled: true });
    fact['configuration'] = JSON.stringify(fact['configuration']);
    const { snapshot, items } = load(lines(header(), fact));
    expect(items).toBe(1);
    expect(snapshot.fact(EbsEncryptionByDefaultFact.type, ACCOUNT, REGION)?.value).toEqual({ enabled: true });
  });

  it('a fact whose configuration is a broken JSON string is a problem at "configuration", not a crash', () => {
    const fact = factItem(EbsEncryptionByDefaultFact, { enabled: true });
    fact['configuration'] = '{"enabled": tru';
    const { snapshot, items } = load(lines(header(), fact, bucket()));
    expect(items).toBe(1);
    expect(snapshot.problems).toEqual([
      {
        source: 'input.jsonl',
        position: 'line 2',
        path: 'configuration',
        message: expect.stringMatching(
          /^configuration of Rampart::EC2::EbsEncryptionByDefault 123456789012\/eu-west-1 is not valid JSON/,
        ),
      },
    ]);
    expect(snapshot.fact(EbsEncryptionByDefaultFact.type, ACCOUNT, REGION)).toBeUndefined();
  });
});
