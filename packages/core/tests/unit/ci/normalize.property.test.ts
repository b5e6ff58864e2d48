import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConfigItem, normalizeItem } from '../../../src/index.js';
import { type Json, toApiShape, toSelectRow } from '../../helpers.js';

/** normalizeItem's contract on any input: no throw, and either an item or issues of strings. */
function checkContract(raw: unknown): void {
  const result = normalizeItem(raw);
  if (result.ok) {
    expect(typeof result.item.resourceType).toBe('string');
    expect(typeof result.item.accountId).toBe('string');
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(issue.message).not.toBe('');
  }
}

const KEYS = [
  'awsAccountId',
  'accountId',
  'awsRegion',
  'resourceType',
  'resourceId',
  'resourceName',
  'ARN',
  'arn',
  'version',
  'configurationItemVersion',
  'configurationStateId',
  'configurationItemCaptureTime',
  'configurationItemStatus',
  'tags',
  'relationships',
  'configuration',
  'supplementaryConfiguration',
] as const;

/** Objects with the keys of a CI and values of any type: reaches the schema explanations, not just the type check. */
const ciLike = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.string(), fc.anything(), fc.jsonValue()));

/** A near-valid CI with one or two fields replaced by anything. */
const almostValid = fc
  .tuple(
    fc.record({
      awsAccountId: fc.constant('123456789012'),
      awsRegion: fc.constant('eu-west-1'),
      resourceType: fc.constant('AWS::S3::Bucket'),
      resourceId: fc.constant('acme-app-data'),
      tags: fc.dictionary(fc.string(), fc.string()),
      relationships: fc.array(fc.record({ resourceType: fc.string(), name: fc.string() })),
      configuration: fc.dictionary(fc.string(), fc.jsonValue()),
    }),
    fc.dictionary(fc.constantFrom(...KEYS), fc.anything(), { maxKeys: 2 }),
  )
  .map(([base, over]) => ({ ...base, ...over }));

describe('normalizeItem (property-based)', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), checkContract), { numRuns: 500 });
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withDate: true, withSparseArray: true }),
        checkContract,
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        checkContract,
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on objects with CI keys and arbitrary values', () => {
    fc.assert(fc.property(ciLike, checkContract), { numRuns: 1000 });
  });

  it('never throws on near-valid CIs with a field replaced by anything', () => {
    fc.assert(fc.property(almostValid, checkContract), { numRuns: 1000 });
  });

  it('reading configuration and supplementary values throws nothing but ConfigurationDecodeError', () => {
    fc.assert(
      fc.property(ciLike, (raw) => {
        const result = normalizeItem(raw);
        if (!result.ok) return;
        const item = result.item;
        for (const read of [
          () => item.configuration,
          ...item.supplementaryKeys().map((k) => () => item.supplementary(k)),
        ]) {
          try {
            read();
          } catch (error) {
            expect((error as Error).name).toBe('ConfigurationDecodeError');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

const id = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/);
const tagMap = fc.dictionary(fc.stringMatching(/^[A-Za-z][\w:.-]{0,15}$/), fc.string({ maxLength: 20 }), {
  maxKeys: 4,
});
/** Supplementary values as an invoking event carries them: objects, lists and scalars, or a JSON string of an object. */
const supplementaryValue = fc.oneof(
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.boolean(),
  fc.integer(),
  fc.constant(null),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }).map((v) => JSON.stringify(v)),
);

/** An arbitrary valid invoking-event CI, as it arrives: JSON (so no -0, no undefined fields). */
const eventItem = fc
  .record({
    configurationItemVersion: fc.constant('1.3'),
    configurationItemCaptureTime: fc
      .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    configurationStateId: fc.integer({ min: 1 }),
    awsAccountId: fc.stringMatching(/^\d{12}$/),
    configurationItemStatus: fc.constantFrom('OK', 'ResourceDiscovered', 'ResourceDeleted', 'ResourceNotRecorded'),
    resourceType: fc.constantFrom('AWS::S3::Bucket', 'AWS::EC2::SecurityGroup', 'AWS::IAM::Role', 'AWS::KMS::Key'),
    resourceId: id,
    resourceName: fc.option(id, { nil: undefined }),
    ARN: fc.option(
      id.map((s) => `arn:aws:s3:::${s}`),
      { nil: undefined },
    ),
    awsRegion: fc.constantFrom('eu-west-1', 'us-east-1', 'global'),
    tags: tagMap,
    relationships: fc.array(
      fc.record({
        resourceId: fc.option(id, { nil: undefined }),
        resourceName: fc.option(id, { nil: undefined }),
        resourceType: fc.constantFrom('AWS::EC2::VPC', 'AWS::IAM::Policy'),
        name: fc.constantFrom('Is contained in Vpc', 'Is attached to CustomerManagedPolicy'),
      }),
      { maxLength: 3 },
    ),
    configuration: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }),
    supplementaryConfiguration: fc.dictionary(fc.stringMatching(/^[A-Z][A-Za-z]{0,20}$/), supplementaryValue, {
      maxKeys: 4,
    }),
  })
  .map((event) => JSON.parse(JSON.stringify(event)) as Json);

function fields(item: ConfigItem) {
  return {
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    arn: item.arn,
    accountId: item.accountId,
    region: item.region,
    status: item.status,
    captureTime: item.captureTime,
    tags: { ...item.tags },
    relationships: item.relationships.map((r) => ({ ...r })),
    configuration: item.configuration,
    supplementary: Object.fromEntries(item.supplementaryKeys().map((k) => [k, item.supplementary(k)])),
  };
}

function normalized(raw: unknown): ConfigItem {
  const result = normalizeItem(raw);
  if (!result.ok) throw new Error(`expected a valid item: ${JSON.stringify(result.issues)}`);
  return result.item;
}

describe('normalizeItem: shapes agree (property-based)', () => {
  it('an event CI and its Config API shape normalize to the same fields and configuration', () => {
    fc.assert(
      fc.property(eventItem, (event) => {
        const fromEvent = fields(normalized(structuredClone(event)));
        const fromApi = fields(normalized(toApiShape(event)));
        expect(fromApi).toEqual(fromEvent);
        expect(fromEvent.captureTime).toBe(event['configurationItemCaptureTime']);
      }),
      { numRuns: 300 },
    );
  });

  it('an event CI and its SelectResourceConfig row normalize to the same fields (relationships aside)', () => {
    fc.assert(
      fc.property(eventItem, (event) => {
        const fromEvent = fields(normalized(structuredClone(event)));
        const fromSelect = fields(normalized(toSelectRow(event)));
        expect(fromSelect).toEqual({ ...fromEvent, relationships: [] });
      }),
      { numRuns: 300 },
    );
  });
});
