import { describe, expect, it } from 'vitest';
import { type ConfigItem, normalizeItem } from '../../../src/index.js';
import { fixture, type Json, toApiShape, toSelectRow } from '../../helpers.js';

/** The item, or a failure naming its issues. */
function ok(raw: unknown): ConfigItem {
  const result = normalizeItem(raw);
  if (!result.ok) throw new Error(`expected a valid item, got ${JSON.stringify(result.issues)}`);
  return result.item;
}

function issues(raw: unknown) {
  const result = normalizeItem(raw);
  if (result.ok) throw new Error('expected issues, got a valid item');
  return result.issues;
}

/** Everything a control can see of an item, in plain data (shape left out: it differs by design). */
function fields(item: ConfigItem) {
  return {
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    arn: item.arn,
    accountId: item.accountId,
    region: item.region,
    status: item.status,
    deleted: item.deleted,
    captureTime: item.captureTime,
    tags: { ...item.tags },
    relationships: item.relationships.map((r) => ({ ...r })),
    configuration: item.configuration,
    supplementary: Object.fromEntries(item.supplementaryKeys().map((k) => [k, item.supplementary(k)])),
  };
}

const bucket = () => fixture('AWS::S3::Bucket', 'encrypted');
const securityGroup = () => fixture('AWS::EC2::SecurityGroup', 'restricted');

const ASSUME_ROLE_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** An IAM role as an invoking event carries it: global region, URL-encoded policy document. */
function role(): Json {
  return {
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: '2026-11-18T16:02:44.870Z',
    configurationStateId: 1763481764870,
    awsAccountId: '123456789012',
    configurationItemStatus: 'ResourceDiscovered',
    resourceType: 'AWS::IAM::Role',
    resourceId: 'AROA4EXAMPLE7ROLEID01',
    resourceName: 'orders-api-lambda',
    ARN: 'arn:aws:iam::123456789012:role/orders-api-lambda',
    awsRegion: 'global',
    availabilityZone: 'Not Applicable',
    resourceCreationTime: '2026-11-18T16:01:12.000Z',
    tags: { 'rampart:component': 'baseline' },
    relatedEvents: [],
    relationships: [
      {
        resourceId: 'ANPA4EXAMPLEPOLICYID1',
        resourceName: 'orders-api-access',
        resourceType: 'AWS::IAM::Policy',
        name: 'Is attached to CustomerManagedPolicy',
      },
    ],
    configuration: {
      path: '/',
      roleName: 'orders-api-lambda',
      roleId: 'AROA4EXAMPLE7ROLEID01',
      arn: 'arn:aws:iam::123456789012:role/orders-api-lambda',
      createDate: '2026-11-18T16:01:12.000Z',
      assumeRolePolicyDocument: encodeURIComponent(JSON.stringify(ASSUME_ROLE_POLICY)),
      instanceProfileList: [],
      rolePolicyList: [],
      attachedManagedPolicies: [
        { policyName: 'orders-api-access', policyArn: 'arn:aws:iam::123456789012:policy/orders-api-access' },
      ],
      permissionsBoundary: null,
      tags: [{ key: 'rampart:component', value: 'baseline' }],
      roleLastUsed: null,
    },
    supplementaryConfiguration: {},
  };
}

describe('normalizeItem: the three shapes give the same item', () => {
  it('invoking-event configurationItem (ARN, configuration object, tags map)', () => {
    const item = ok(bucket());
    expect(item.shape).toBe('event');
    expect(fields(item)).toMatchObject({
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'acme-app-data',
      resourceName: 'acme-app-data',
      arn: 'arn:aws:s3:::acme-app-data',
      accountId: '123456789012',
      region: 'eu-west-1',
      status: 'OK',
      deleted: false,
      captureTime: '2026-11-20T10:15:31.021Z',
      tags: { team: 'payments', 'data-classification': 'confidential' },
      relationships: [],
      configuration: { name: 'acme-app-data', creationDate: '2025-03-02T08:11:09.000Z' },
    });
    expect(String(item)).toBe('AWS::S3::Bucket acme-app-data');
  });

  it('relationships keep their name (event `name`, API `relationshipName`)', () => {
    const expected = [
      {
        resourceType: 'AWS::EC2::VPC',
        resourceId: 'vpc-0f1e2d3c4b5a69788',
        resourceName: undefined,
        name: 'Is contained in Vpc',
      },
    ];
    const sg = securityGroup();
    expect(ok(sg).relationships).toEqual(expected);
    expect(ok(toApiShape(sg)).relationships).toEqual(expected);
    const row = JSON.parse(toSelectRow(sg)) as Json;
    row['relationships'] = toApiShape(sg)['relationships'];
    expect(ok(row).relationships).toEqual(expected);
  });

  it('supplementaryConfiguration values are decoded: JSON strings in events, objects otherwise', () => {
    const item = ok(bucket());
    expect(item.supplementary('AccessControlList')).toMatchObject({
      grantList: [{ permission: 'FullControl' }],
      isRequesterCharged: false,
    });
    expect(item.supplementary('PublicAccessBlockConfiguration')).toEqual({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    });
    expect(item.supplementary('IsRequesterPaysEnabled')).toBe(false);
    expect(item.supplementary<{ policyText: string }>('BucketPolicy')?.policyText).toContain('DenyInsecureTransport');
    expect(item.supplementary('NoSuchKey')).toBeUndefined();
  });

  for (const [name, make] of [
    ['S3 bucket', bucket],
    ['security group', securityGroup],
    ['IAM role', role],
  ] as const) {
    describe(name, () => {
      const expected = () => fields(ok(make()));

      it('Config API shape (arn, accountId, JSON strings, epoch seconds) gives the same fields', () => {
        const api = toApiShape(make());
        expect(typeof api['configuration']).toBe('string');
        expect(typeof api['configurationItemCaptureTime']).toBe('number');
        for (const value of Object.values(api['supplementaryConfiguration'] as Json))
          expect(typeof value).toBe('string');
        const item = ok(api);
        expect(item.shape).toBe('api');
        expect(fields(item)).toEqual(expected());
      });

      it('Config API shape with the capture time as an ISO string gives the same fields', () => {
        const api = toApiShape(make());
        api['configurationItemCaptureTime'] = make()['configurationItemCaptureTime'];
        expect(fields(ok(api))).toEqual(expected());
      });

      it('SelectResourceConfig row as its JSON string (tags as a key/value list) gives the same fields', () => {
        const row = toSelectRow(make());
        expect(typeof row).toBe('string');
        const item = ok(row);
        expect(item.shape).toBe('select');
        const want = expected();
        // toSelectRow carries no relationships: Select queries name the columns they want.
        expect(fields(item)).toEqual({ ...want, relationships: [] });
      });

      it('SelectResourceConfig row as an object gives the same fields', () => {
        const row = JSON.parse(toSelectRow(make())) as Json;
        expect(Array.isArray(row['tags'])).toBe(true);
        expect(fields(ok(row))).toEqual({ ...expected(), relationships: [] });
      });
    });
  }

  it('global IAM items keep region "global" and their URL-encoded policy in configuration', () => {
    const item = ok(toApiShape(role()));
    expect(item.region).toBe('global');
    expect(item.configuration['assumeRolePolicyDocument']).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
  });
});

describe('normalizeItem: capture time', () => {
  const at = (value: unknown) => {
    const ci = toApiShape(bucket());
    ci['configurationItemCaptureTime'] = value;
    return ok(ci).captureTime;
  };

  it('epoch seconds (number, with milliseconds) become ISO', () => {
    expect(at(1795169731.021)).toBe('2026-11-20T10:15:31.021Z');
    expect(at(1795169731)).toBe('2026-11-20T10:15:31.000Z');
  });

  it('epoch seconds whose product with 1000 is inexact keep their millisecond', () => {
    // 2181238476.66 * 1000 === 2181238476659.9998 in floating point.
    expect(at(2181238476.66)).toBe('2039-02-13T19:34:36.660Z');
    expect(at('2181238476.66')).toBe('2039-02-13T19:34:36.660Z');
  });

  it('epoch seconds as a numeric string become ISO', () => {
    expect(at('1795169731.021')).toBe('2026-11-20T10:15:31.021Z');
  });

  it('ISO strings with an offset, without milliseconds, or with a space (moto) become canonical ISO', () => {
    expect(at('2026-11-20T10:15:31.021Z')).toBe('2026-11-20T10:15:31.021Z');
    expect(at('2026-11-20T10:15:31Z')).toBe('2026-11-20T10:15:31.000Z');
    expect(at('2026-11-20T11:15:31.021+01:00')).toBe('2026-11-20T10:15:31.021Z');
    expect(at('2026-11-29 09:31:06.9+00:00')).toBe('2026-11-29T09:31:06.900Z');
  });

  it('absent capture time is undefined', () => {
    expect(at(undefined)).toBeUndefined();
    expect(at('')).toBeUndefined();
  });

  it('an out-of-range epoch does not throw', () => {
    expect(() => at(1e20)).not.toThrow();
    expect(() => at('99999999999999999999')).not.toThrow();
    expect(() => at(Number.NaN)).not.toThrow();
  });
});

describe('normalizeItem: status', () => {
  it.each(['ResourceDeleted', 'ResourceDeletedNotRecorded'])('%s is deleted', (status) => {
    const ci = bucket();
    ci['configurationItemStatus'] = status;
    ci['configuration'] = null;
    const item = ok(ci);
    expect(item.deleted).toBe(true);
    expect(item.configuration).toEqual({});
  });

  it.each(['OK', 'ResourceDiscovered', 'ResourceNotRecorded'])('%s is not deleted', (status) => {
    const ci = bucket();
    ci['configurationItemStatus'] = status;
    expect(ok(ci).deleted).toBe(false);
  });
});

describe('normalizeItem: optional fields', () => {
  it('missing tags, relationships, configuration and supplementaryConfiguration are empty', () => {
    const item = ok({
      awsAccountId: '123456789012',
      awsRegion: 'eu-west-1',
      resourceType: 'AWS::SNS::Topic',
      resourceId: 'arn:aws:sns:eu-west-1:123456789012:alerts',
    });
    expect(item.tags).toEqual({});
    expect(item.relationships).toEqual([]);
    expect(item.configuration).toEqual({});
    expect(item.supplementaryKeys()).toEqual([]);
    expect(item.supplementary('anything')).toBeUndefined();
    expect(item.arn).toBeUndefined();
    expect(item.status).toBeUndefined();
    expect(item.captureTime).toBeUndefined();
    expect(item.resourceName).toBeUndefined();
  });

  it('null tags, relationships, configuration and supplementaryConfiguration are empty', () => {
    const ci = bucket();
    ci['tags'] = null;
    ci['relationships'] = null;
    ci['configuration'] = null;
    ci['supplementaryConfiguration'] = null;
    const item = ok(ci);
    expect(item.tags).toEqual({});
    expect(item.relationships).toEqual([]);
    expect(item.configuration).toEqual({});
    expect(item.supplementaryKeys()).toEqual([]);
  });

  it('an empty ARN is undefined', () => {
    const ci = bucket();
    ci['ARN'] = '';
    expect(ok(ci).arn).toBeUndefined();
  });

  it('a Select row tag without a value gets an empty string', () => {
    const row = JSON.parse(toSelectRow(bucket())) as Json;
    row['tags'] = [{ key: 'team', value: 'payments' }, { key: 'flag' }];
    expect(ok(row).tags).toEqual({ team: 'payments', flag: '' });
  });

  it('normalizing does not change the input', () => {
    const ci = toApiShape(bucket());
    const copy = structuredClone(ci);
    const item = ok(ci);
    void item.configuration;
    for (const key of item.supplementaryKeys()) item.supplementary(key);
    expect(ci).toEqual(copy);
  });
});

describe('normalizeItem: bad items', () => {
  const required: [shape: string, make: () => Json, fields: string[]][] = [
    ['event', bucket, ['awsAccountId', 'awsRegion', 'resourceType', 'resourceId']],
    ['api', () => toApiShape(bucket()), ['accountId', 'awsRegion', 'resourceType', 'resourceId']],
    [
      'select',
      () => JSON.parse(toSelectRow(bucket())) as Json,
      ['accountId', 'awsRegion', 'resourceType', 'resourceId'],
    ],
  ];

  for (const [shape, make, names] of required) {
    for (const field of names) {
      it(`${shape} shape: missing ${field} is an issue at "${field}" naming the shape`, () => {
        const ci = make();
        delete ci[field];
        const found = issues(ci);
        expect(found).toContainEqual({ path: field, message: expect.stringContaining(`(${shape} shape)`) });
      });

      it(`${shape} shape: empty ${field} is an issue at "${field}"`, () => {
        const ci = make();
        ci[field] = '';
        expect(issues(ci).map((i) => i.path)).toContain(field);
      });

      it(`${shape} shape: numeric ${field} is an issue at "${field}"`, () => {
        const ci = make();
        ci[field] = 123456789012;
        expect(issues(ci)).toContainEqual({ path: field, message: expect.stringContaining(`(${shape} shape)`) });
      });
    }
  }

  it('event shape: a configuration that is a number is an issue at "configuration"', () => {
    const ci = bucket();
    ci['configuration'] = 42;
    expect(issues(ci).map((i) => i.path)).toEqual(['configuration']);
  });

  it('event shape: a configuration that is an array is an issue at "configuration"', () => {
    const ci = bucket();
    ci['configuration'] = [1, 2];
    expect(issues(ci).map((i) => i.path)).toEqual(['configuration']);
  });

  it('event shape: a tag value that is not a string is an issue at "tags.<key>"', () => {
    const ci = bucket();
    ci['tags'] = { team: 7 };
    expect(issues(ci)).toEqual([{ path: 'tags.team', message: expect.stringContaining('(event shape)') }]);
  });

  it('select shape: a tag without a key is an issue under "tags"', () => {
    const row = JSON.parse(toSelectRow(bucket())) as Json;
    row['tags'] = [{ value: 'payments' }];
    const found = issues(row);
    expect(found.length).toBeGreaterThan(0);
    for (const issue of found) {
      expect(issue.path.startsWith('tags')).toBe(true);
      expect(issue.message).toContain('(select shape)');
    }
  });

  it('api shape: relationships that are not a list is an issue at "relationships"', () => {
    const ci = toApiShape(securityGroup());
    ci['relationships'] = { resourceType: 'AWS::EC2::VPC' };
    expect(issues(ci).map((i) => i.path)).toEqual(['relationships']);
  });

  it('a relationship without a resourceType is an issue at "relationships.0.resourceType"', () => {
    const ci = securityGroup();
    ci['relationships'] = [{ resourceId: 'vpc-0f1e2d3c4b5a69788', name: 'Is contained in Vpc' }];
    expect(issues(ci).map((i) => i.path)).toEqual(['relationships.0.resourceType']);
  });

  it('supplementaryConfiguration that is a string is an issue at "supplementaryConfiguration"', () => {
    const ci = bucket();
    ci['supplementaryConfiguration'] = '{}';
    expect(issues(ci).map((i) => i.path)).toEqual(['supplementaryConfiguration']);
  });

  it('several missing fields give one issue each', () => {
    const found = issues({ awsAccountId: '123456789012', configurationItemVersion: '1.3' });
    expect(found.map((i) => i.path).sort()).toEqual(['awsRegion', 'resourceId', 'resourceType']);
  });

  it.each([
    [null, 'null'],
    [42, 'number'],
    [true, 'boolean'],
    [[], 'an array'],
    [[{ resourceId: 'x' }], 'an array'],
    [undefined, 'undefined'],
  ])('a non-object (%j) gives one clear issue', (value, described) => {
    expect(issues(value)).toEqual([{ path: '', message: `expected a configuration item object, got ${described}` }]);
  });

  it('a string that is not JSON gives one issue', () => {
    const found = issues('{"resourceType": ');
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('');
    expect(found[0]!.message).toMatch(/^string item is not a JSON object/);
  });

  it('a JSON string of a non-object gives one clear issue', () => {
    expect(issues('[1,2]')).toEqual([{ path: '', message: 'expected a configuration item object, got an array' }]);
    expect(issues('12')).toEqual([{ path: '', message: 'expected a configuration item object, got number' }]);
  });

  it('an empty object gives an issue for every required field', () => {
    const paths = issues({}).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['awsAccountId', 'awsRegion', 'resourceType', 'resourceId']));
  });
});
