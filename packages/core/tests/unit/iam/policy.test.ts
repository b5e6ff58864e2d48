import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeStatement,
  fullServiceActions,
  hasRestrictingCondition,
  isAdminStatement,
  isPublicPrincipal,
  PolicyParseError,
  parsePolicy,
  type Statement,
  statementCoversAction,
  statementCoversAllResources,
  wildcardMatch,
} from '../../../src/iam/policy.js';

/** AWS Config's encoding of IAM policy documents: percent-encoding, `%20` for spaces, `*` as `%2A`. */
const awsConfigEncode = (doc: unknown): string =>
  encodeURIComponent(JSON.stringify(doc, null, 4)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** One statement, parsed from its JSON form. */
const statement = (s: Record<string, unknown>): Statement => {
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: [s] }).statements[0];
  if (parsed === undefined) throw new Error('no statement');
  return parsed;
};

/** Generated values may not serialize (BigInt, cycles); the property then feeds a fallback string. */
const tryOr = (f: () => string | undefined, fallback: string): string => {
  try {
    return f() ?? fallback;
  } catch {
    return fallback;
  }
};

const ADMIN_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'FullAdmin', Effect: 'Allow', Action: '*', Resource: '*' }],
};

describe('parsePolicy', () => {
  it('reads a policy object: statements, lists and defaults', () => {
    const doc = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:iam::*:role/admin'] },
      ],
    });
    expect(doc.version).toBe('2012-10-17');
    expect(doc.statements).toEqual([
      {
        sid: 'Read',
        effect: 'Allow',
        actions: ['s3:GetObject', 's3:ListBucket'],
        notActions: undefined,
        resources: ['arn:aws:s3:::b/*'],
        notResources: undefined,
        principals: undefined,
        notPrincipals: undefined,
        condition: {},
      },
      {
        sid: undefined,
        effect: 'Deny',
        actions: undefined,
        notActions: ['iam:*'],
        resources: undefined,
        notResources: ['arn:aws:iam::*:role/admin'],
        principals: undefined,
        notPrincipals: undefined,
        condition: {},
      },
    ]);
  });

  it('reads a single statement given as an object, not a list', () => {
    const doc = parsePolicy({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } });
    expect(doc.version).toBeUndefined();
    expect(doc.statements).toHaveLength(1);
    expect(doc.statements[0]?.actions).toEqual(['s3:GetObject']);
  });

  it('reads a plain JSON string (S3 bucket policies)', () => {
    expect(parsePolicy(JSON.stringify(ADMIN_POLICY)).statements[0]?.sid).toBe('FullAdmin');
  });

  it('reads a URL-encoded JSON string as AWS Config records IAM policies', () => {
    const encoded = awsConfigEncode(ADMIN_POLICY);
    expect(encoded).toContain('%22Action%22%3A%20%22%2A%22');
    const doc = parsePolicy(encoded);
    expect(doc.statements[0]).toMatchObject({ sid: 'FullAdmin', actions: ['*'], resources: ['*'] });
  });

  it('reads form-style URL encoding with + for spaces', () => {
    const doc = parsePolicy(
      '%7B%22Statement%22%3A+%7B%22Effect%22%3A+%22Deny%22%2C+%22Action%22%3A+%22s3%3A*%22%7D%7D',
    );
    expect(doc.statements[0]).toMatchObject({ effect: 'Deny', actions: ['s3:*'] });
  });

  it('treats empty input as a policy without statements', () => {
    for (const input of [undefined, null, '', '   ']) {
      expect(parsePolicy(input)).toEqual({ version: undefined, statements: [] });
    }
    expect(parsePolicy({ Version: '2012-10-17' }).statements).toEqual([]);
  });

  it('reads principals in every form', () => {
    expect(statement({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }).principals).toEqual({ '*': ['*'] });
    expect(
      statement({
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666'], Service: 'logs.amazonaws.com' },
        Action: 'kms:Decrypt',
      }).principals,
    ).toEqual({ AWS: ['arn:aws:iam::111122223333:root', '444455556666'], Service: ['logs.amazonaws.com'] });
    expect(
      statement({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: '*' }).notPrincipals,
    ).toEqual({ AWS: ['arn:aws:iam::111122223333:root'] });
  });

  it('reads conditions, turning numbers and booleans into strings', () => {
    const s = statement({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Condition: {
        Bool: { 'aws:SecureTransport': true },
        NumericLessThan: { 's3:max-keys': 10 },
        StringEquals: { 'aws:SourceAccount': ['111122223333', '444455556666'] },
      },
    });
    expect(s.condition).toEqual({
      Bool: { 'aws:SecureTransport': ['true'] },
      NumericLessThan: { 's3:max-keys': ['10'] },
      StringEquals: { 'aws:SourceAccount': ['111122223333', '444455556666'] },
    });
  });

  it('keeps keys named __proto__ as data, not as a prototype', () => {
    const s = statement(
      JSON.parse(
        '{"Effect":"Allow","Action":"s3:GetObject","Principal":{"__proto__":["x"]},"Condition":{"__proto__":{"k":"v"}}}',
      ),
    );
    expect(Object.keys(s.principals ?? {})).toEqual(['__proto__']);
    expect(Object.keys(s.condition)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(s.condition)).toBe(Object.prototype);
  });

  it('ignores a Sid or Version that is not a string', () => {
    const doc = parsePolicy({ Version: 2012, Statement: [{ Sid: 7, Effect: 'Allow', Action: '*' }] });
    expect(doc.version).toBeUndefined();
    expect(doc.statements[0]?.sid).toBeUndefined();
  });

  it.each([
    ['text that is neither JSON nor URL-encoded JSON', 'not a policy', /neither JSON nor URL-encoded JSON/],
    ['broken JSON', '{"Statement": [', /not valid JSON/],
    ['broken URL encoding', '%E0%A4%A', /neither JSON nor URL-encoded JSON/],
    ['a JSON array', '[{"Effect":"Allow"}]', /is not a JSON object/],
    ['a number', 42, /is not a JSON object/],
    ['a statement that is not an object', { Statement: ['Allow'] }, /Statement\[0\] is not an object/],
    ['a statement that is null', { Statement: null }, /Statement\[0\] is not an object/],
    ['a wrong Effect', { Statement: [{ Effect: 'allow', Action: '*' }] }, /Effect must be Allow or Deny/],
    ['a missing Effect', { Statement: [{ Action: '*' }] }, /Effect must be Allow or Deny/],
    ['an Action of numbers', { Statement: [{ Effect: 'Allow', Action: [1, 2] }] }, /Statement\[0\]\.Action must be/],
    ['a Resource object', { Statement: [{ Effect: 'Allow', Resource: { a: 1 } }] }, /Resource must be/],
    ['a Principal string other than *', { Statement: [{ Effect: 'Allow', Principal: 'me' }] }, /Principal must be/],
    ['a Principal list', { Statement: [{ Effect: 'Allow', Principal: { AWS: [1] } }] }, /Principal\.AWS must be/],
    ['a Condition list', { Statement: [{ Effect: 'Allow', Condition: [] }] }, /Condition must be an object/],
    ['a Condition block string', { Statement: [{ Effect: 'Allow', Condition: { Bool: 'x' } }] }, /Bool must be/],
    [
      'a Condition value object',
      { Statement: [{ Effect: 'Allow', Condition: { StringEquals: { k: { v: 1 } } } }] },
      /StringEquals\.k values must be/,
    ],
  ])('throws PolicyParseError for %s', (_why, input, message) => {
    let error: unknown;
    try {
      parsePolicy(input, 'test policy');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyParseError);
    expect((error as Error).name).toBe('PolicyParseError');
    expect((error as Error).message).toMatch(message);
  });

  it('names the document in its errors and keeps the cause', () => {
    try {
      parsePolicy('{oops', 'bucket policy of acme-logs');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyParseError);
      expect((error as Error).message).toContain('bucket policy of acme-logs');
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
  });

  it('property: arbitrary input never crashes with anything but PolicyParseError', () => {
    const value = fc.anything({
      withNullPrototype: true,
      withObjectString: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
      key: fc.oneof(
        fc.string(),
        fc.constantFrom(
          'Statement',
          'Effect',
          'Action',
          'NotAction',
          'Resource',
          'Principal',
          'Condition',
          '__proto__',
        ),
      ),
    });
    // Mostly well-formed fields, so that generation reaches every part of the parser, not just the first check.
    const strings = fc.oneof(fc.string(), fc.array(fc.string()));
    const field = fc.oneof({ weight: 4, arbitrary: strings }, { weight: 1, arbitrary: value });
    const effect = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('Allow', 'Deny') },
      { weight: 1, arbitrary: value },
    );
    const conditionValue = fc.oneof(value, fc.array(value), fc.string(), fc.integer(), fc.boolean());
    const statementShaped = fc.record(
      {
        Sid: field,
        Effect: effect,
        Action: field,
        NotAction: field,
        Resource: field,
        NotResource: field,
        Principal: fc.oneof(fc.constant('*'), fc.dictionary(fc.string(), strings), value),
        NotPrincipal: fc.oneof(fc.dictionary(fc.string(), strings), value),
        Condition: fc.oneof(
          { weight: 4, arbitrary: fc.dictionary(fc.string(), fc.dictionary(fc.string(), conditionValue)) },
          { weight: 1, arbitrary: value },
        ),
      },
      { requiredKeys: [] },
    );
    const policyShaped = fc.record(
      { Version: value, Statement: fc.oneof(fc.array(fc.oneof(statementShaped, value)), statementShaped, value) },
      { requiredKeys: [] },
    );
    const input = fc.oneof(
      value,
      fc.string(),
      fc.json(),
      policyShaped,
      policyShaped.map((p) => tryOr(() => JSON.stringify(p), '{')),
      policyShaped.map((p) => tryOr(() => awsConfigEncode(p), '%')),
      fc.string().map((s) => `%7B${s}`),
    );
    fc.assert(
      fc.property(input, (x) => {
        try {
          const doc = parsePolicy(x);
          expect(Array.isArray(doc.statements)).toBe(true);
        } catch (error) {
          if (!(error instanceof PolicyParseError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('describeStatement', () => {
  it('names a statement by its Sid, else by its 1-based position', () => {
    expect(describeStatement(statement({ Sid: 'ReadOnly', Effect: 'Allow', Action: '*' }), 0)).toBe(
      'statement ReadOnly',
    );
    expect(describeStatement(statement({ Effect: 'Allow', Action: '*' }), 2)).toBe('statement 3');
  });
});

describe('wildcardMatch', () => {
  it.each([
    ['*', 'iam:CreateUser', true],
    ['s3:*', 's3:GetObject', true],
    ['s3:*', 'S3:getobject', true],
    ['s3:Get*', 's3:GetObjectAcl', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:Get*', 'S3:GETOBJECT', true],
    ['s3:Get*', 's3:Ge', false],
    ['s3:Get*', 's3:Get', true],
    ['ec2:Describe?pcs', 'ec2:DescribeVpcs', true],
    ['ec2:Describe?pcs', 'ec2:DescribeVVpcs', false],
    ['s3:GetObject', 's3:getobject', true],
    ['s3:GetObject', 's3:GetObjectAcl', false],
    ['arn:aws:s3:::logs.example.com/*', 'arn:aws:s3:::logsXexample.com/a', false],
    ['arn:aws:s3:::logs.example.com/*', 'arn:aws:s3:::logs.example.com/a\nb', true],
    ['a+b(c)[d]{e}|f^$\\*', 'a+b(c)[d]{e}|f^$\\zzz', true],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it('property: a pattern without wildcards matches exactly itself, in any case', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('*') && !s.includes('?')),
        (s) => {
          expect(wildcardMatch(s, s)).toBe(true);
          expect(wildcardMatch(s, s.toUpperCase())).toBe(s.toLowerCase() === s.toUpperCase().toLowerCase());
          expect(wildcardMatch(s, `${s}x`)).toBe(false);
        },
      ),
    );
  });

  it('property: without wildcards, the same as comparing lower-cased strings of one length (any Unicode)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom(
        's3:GetObject',
        'S3:GETOBJECT',
        'kms:*',
        'İ',
        'i̇',
        'ß',
        'SS',
        'Straße',
        'STRASSE',
        '@',
        '`',
        '[',
        '{',
      ),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        fc.pre(!a.includes('*') && !a.includes('?'));
        expect(wildcardMatch(a, b)).toBe(a.length === b.length && a.toLowerCase() === b.toLowerCase());
        // As a prefix: `a*` against b.
        expect(wildcardMatch(`${a}*`, b)).toBe(
          b.length >= a.length && b.slice(0, a.length).toLowerCase() === a.toLowerCase(),
        );
      }),
    );
  });

  it('property: prefix* matches every extension of the prefix', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (prefix, rest) => {
        expect(wildcardMatch(`${prefix}*`, `${prefix}${rest}`)).toBe(true);
      }),
    );
  });

  it('keeps matching correctly after many distinct patterns (bounded cache)', () => {
    for (let i = 0; i < 5000; i++) expect(wildcardMatch(`svc${i}:Get*`, `svc${i}:GetThing`)).toBe(true);
    expect(wildcardMatch('svc1:Get*', 'svc2:GetThing')).toBe(false);
  });
});

describe('statementCoversAction', () => {
  it('matches Action patterns', () => {
    const s = statement({ Effect: 'Allow', Action: ['s3:Get*', 'kms:Decrypt'], Resource: '*' });
    expect(statementCoversAction(s, 's3:GetObject')).toBe(true);
    expect(statementCoversAction(s, 'kms:decrypt')).toBe(true);
    expect(statementCoversAction(s, 's3:PutObject')).toBe(false);
  });

  it('counts everything not listed under NotAction', () => {
    const s = statement({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(statementCoversAction(s, 's3:PutObject')).toBe(true);
    expect(statementCoversAction(s, 'iam:CreateUser')).toBe(false);
  });

  it('covers nothing without Action or NotAction', () => {
    expect(statementCoversAction(statement({ Effect: 'Allow', Resource: '*' }), 's3:GetObject')).toBe(false);
  });
});

describe('statementCoversAllResources', () => {
  it('is true for "*" and for NotResource, false for specific resources', () => {
    expect(statementCoversAllResources(statement({ Effect: 'Allow', Action: '*', Resource: '*' }))).toBe(true);
    expect(statementCoversAllResources(statement({ Effect: 'Allow', Action: '*', Resource: ['arn:x', '*'] }))).toBe(
      true,
    );
    expect(statementCoversAllResources(statement({ Effect: 'Allow', Action: '*', NotResource: 'arn:x' }))).toBe(true);
    expect(statementCoversAllResources(statement({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' }))).toBe(
      false,
    );
    expect(statementCoversAllResources(statement({ Effect: 'Allow', Action: '*' }))).toBe(false);
  });
});

describe('isAdminStatement', () => {
  it('is true for Allow "*" on "*"', () => {
    expect(isAdminStatement(statement({ Effect: 'Allow', Action: '*', Resource: '*' }))).toBe(true);
    expect(isAdminStatement(statement({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['*'] }))).toBe(true);
    expect(isAdminStatement(statement({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:iam::*:user/x' }))).toBe(
      true,
    );
  });

  it('is false for Deny, specific resources, service wildcards and NotAction', () => {
    expect(isAdminStatement(statement({ Effect: 'Deny', Action: '*', Resource: '*' }))).toBe(false);
    expect(isAdminStatement(statement({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }))).toBe(false);
    expect(isAdminStatement(statement({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }))).toBe(false);
    expect(isAdminStatement(statement({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))).toBe(false);
  });
});

describe('fullServiceActions', () => {
  it('lists service:* actions of an Allow statement, whatever the resource', () => {
    const s = statement({
      Effect: 'Allow',
      Action: ['s3:*', 'ec2:Describe*', 'Lambda:*', 'kms:Decrypt', '*', 'resource-groups:*'],
      Resource: 'arn:aws:s3:::b',
    });
    expect(fullServiceActions(s)).toEqual(['s3:*', 'Lambda:*', 'resource-groups:*']);
  });

  it('is empty for Deny and NotAction statements', () => {
    expect(fullServiceActions(statement({ Effect: 'Deny', Action: 's3:*', Resource: '*' }))).toEqual([]);
    expect(fullServiceActions(statement({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }))).toEqual([]);
  });
});

describe('isPublicPrincipal', () => {
  it.each([
    ['"*"', { Principal: '*' }, true],
    ['{"AWS": "*"}', { Principal: { AWS: '*' } }, true],
    ['{"AWS": ["*"]}', { Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }, true],
    ['an account', { Principal: { AWS: 'arn:aws:iam::111122223333:root' } }, false],
    ['a service', { Principal: { Service: 'cloudtrail.amazonaws.com' } }, false],
    ['no principal (identity policy)', {}, false],
    ['NotPrincipal on Allow', { NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }, true],
  ])('%s', (_name, clause, expected) => {
    expect(isPublicPrincipal(statement({ Effect: 'Allow', Action: 's3:GetObject', ...clause }))).toBe(expected);
  });

  it('NotPrincipal on Deny is not a public grant', () => {
    const s = statement({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: '*' });
    expect(isPublicPrincipal(s)).toBe(false);
  });
});

describe('hasRestrictingCondition', () => {
  const withCondition = (Condition: Record<string, unknown>) =>
    statement({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Condition });

  it.each([
    ['StringEquals aws:SourceAccount', { StringEquals: { 'aws:SourceAccount': '111122223333' } }],
    ['ArnLike aws:SourceArn', { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/*' } }],
    ['StringEquals aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }],
    ['case-insensitive keys', { StringEquals: { 'AWS:SOURCEVPCE': 'vpce-0a1b2c3d' } }],
    ['IpAddress aws:SourceIp', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }],
    ['ForAnyValue:StringEquals', { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a1/r-ab12/ou-ab12-1' } }],
    ['kms:CallerAccount', { StringEquals: { 'kms:CallerAccount': '111122223333' } }],
  ])('restricts: %s', (_name, condition) => {
    expect(hasRestrictingCondition(withCondition(condition))).toBe(true);
  });

  it.each([
    ['no condition', {}],
    ['an unrelated key', { Bool: { 'aws:SecureTransport': 'true' } }],
    ['a wildcard value', { StringLike: { 'aws:SourceAccount': '*' } }],
    ['a value of wildcards only', { StringLike: { 'aws:PrincipalArn': '?*' } }],
    ['an ARN ending in :*', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }],
    ['an empty value', { StringEquals: { 'aws:SourceAccount': '' } }],
    ['one wildcard among fixed values', { StringEquals: { 'aws:SourceAccount': ['111122223333', '*'] } }],
    ['IfExists', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }],
    ['StringNotEquals (everyone but one account)', { StringNotEquals: { 'aws:SourceAccount': '111122223333' } }],
    ['ArnNotLike', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:t' } }],
    ['NotIpAddress', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }],
    ['Null', { Null: { 'aws:SourceVpce': 'false' } }],
    ['ForAllValues (true when the key is absent)', { 'ForAllValues:StringEquals': { 'aws:SourceVpce': 'vpce-1' } }],
    ['aws:SourceIp 0.0.0.0/0', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }],
    ['aws:SourceIp ::/0', { IpAddress: { 'aws:SourceIp': ['::/0'] } }],
  ])('does not restrict: %s', (_name, condition) => {
    expect(hasRestrictingCondition(withCondition(condition))).toBe(false);
  });

  it('fixed values only: a key with a policy variable or a wildcard inside a value does not count', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template.
    const variable = { StringEquals: { 'aws:SourceArn': 'arn:aws:iam::111122223333:user/${aws:username}' } };
    const partialWildcard = { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic-?' } };
    for (const condition of [variable, partialWildcard]) {
      expect(hasRestrictingCondition(withCondition(condition))).toBe(true);
      expect(hasRestrictingCondition(withCondition(condition), true)).toBe(false);
    }
    // Another key with fixed values still restricts.
    const mixed = { StringEquals: { ...variable.StringEquals, 'aws:SourceAccount': '111122223333' } };
    expect(hasRestrictingCondition(withCondition(mixed), true)).toBe(true);
  });
});
