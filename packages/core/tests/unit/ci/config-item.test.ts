import { describe, expect, it } from 'vitest';
import { type ConfigItem, ConfigurationDecodeError, decodeDocument, normalizeItem } from '../../../src/index.js';
import { fixture, type Json, toApiShape } from '../../helpers.js';

function ok(raw: unknown): ConfigItem {
  const result = normalizeItem(raw);
  if (!result.ok) throw new Error(`expected a valid item, got ${JSON.stringify(result.issues)}`);
  return result.item;
}

const api = (): Json => toApiShape(fixture('AWS::S3::Bucket', 'encrypted'));

const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::acme-app-data/*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    },
  ],
};

/** How AWS Config stores IAM policy documents (`policyVersionList[].document`, `assumeRolePolicyDocument`). */
const URL_ENCODED = encodeURIComponent(JSON.stringify(POLICY));

function decodeError(fn: () => unknown): ConfigurationDecodeError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationDecodeError);
    return error as ConfigurationDecodeError;
  }
  throw new Error('expected a ConfigurationDecodeError');
}

describe('ConfigItem: lazy decoding', () => {
  it('an invalid JSON-string configuration normalizes fine and throws only when read', () => {
    const ci = api();
    ci['configuration'] = '{"name": "acme-app-data",';
    const result = normalizeItem(ci);
    expect(result.ok).toBe(true);
    const item = (result as { ok: true; item: ConfigItem }).item;
    expect(item.resourceId).toBe('acme-app-data');
    expect(item.tags).toEqual({ team: 'payments', 'data-classification': 'confidential' });
    const error = decodeError(() => item.configuration);
    expect(error.name).toBe('ConfigurationDecodeError');
    expect(error.field).toBe('configuration of AWS::S3::Bucket acme-app-data');
    expect(error.message).toMatch(/^configuration of AWS::S3::Bucket acme-app-data is not valid JSON: /);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    // Still throws on the next read: a bad document never turns into an empty (passing) one.
    decodeError(() => item.config());
  });

  it('a JSON-string configuration is decoded once and then cached', () => {
    const item = ok(api());
    const first = item.configuration;
    expect(first['name']).toBe('acme-app-data');
    expect(item.configuration).toBe(first);
    expect(item.config<{ name: string }>().name).toBe('acme-app-data');
  });

  it('an empty configuration string is an empty document', () => {
    const ci = api();
    ci['configuration'] = '';
    expect(ok(ci).configuration).toEqual({});
  });

  it('a configuration that decodes to a non-object reads as empty', () => {
    for (const text of ['null', '42', '"text"', '[1,2]']) {
      const ci = api();
      ci['configuration'] = text;
      expect(ok(ci).configuration).toEqual({});
    }
  });

  it('an invalid supplementary JSON string throws only when that key is read, naming the key', () => {
    const ci = api();
    ci['supplementaryConfiguration']['BucketPolicy'] = '{"policyText": ';
    const item = ok(ci);
    expect(item.supplementary('PublicAccessBlockConfiguration')).toMatchObject({ blockPublicAcls: true });
    const error = decodeError(() => item.supplementary('BucketPolicy'));
    expect(error.field).toBe('supplementaryConfiguration.BucketPolicy of AWS::S3::Bucket acme-app-data');
    decodeError(() => item.supplementary('BucketPolicy'));
  });

  it('a supplementary value is decoded once; the input object is left untouched', () => {
    const ci = api();
    const original = ci['supplementaryConfiguration']['PublicAccessBlockConfiguration'];
    const item = ok(ci);
    const first = item.supplementary('PublicAccessBlockConfiguration');
    expect(item.supplementary('PublicAccessBlockConfiguration')).toBe(first);
    expect(ci['supplementaryConfiguration']['PublicAccessBlockConfiguration']).toBe(original);
  });

  it('Config API scalars are decoded (IsRequesterPaysEnabled "false" → false)', () => {
    const ci = api();
    expect(ci['supplementaryConfiguration']['IsRequesterPaysEnabled']).toBe('false');
    ci['supplementaryConfiguration']['SomeCount'] = '3';
    ci['supplementaryConfiguration']['Nothing'] = 'null';
    const item = ok(ci);
    expect(item.supplementary('IsRequesterPaysEnabled')).toBe(false);
    expect(item.supplementary('SomeCount')).toBe(3);
    expect(item.supplementary('Nothing')).toBeNull();
  });

  it('plain strings in event supplementary values stay strings', () => {
    const ci = fixture('AWS::S3::Bucket', 'encrypted');
    ci['supplementaryConfiguration']['Status'] = 'Enabled';
    ci['supplementaryConfiguration']['Flag'] = 'true';
    const item = ok(ci);
    expect(item.supplementary('Status')).toBe('Enabled');
    expect(item.supplementary('Flag')).toBe('true');
  });

  it('supplementaryKeys lists every key', () => {
    expect(ok(api()).supplementaryKeys().sort()).toEqual([
      'AccessControlList',
      'BucketAccelerateConfiguration',
      'BucketLoggingConfiguration',
      'BucketNotificationConfiguration',
      'BucketPolicy',
      'BucketVersioningConfiguration',
      'IsRequesterPaysEnabled',
      'PublicAccessBlockConfiguration',
      'ServerSideEncryptionConfiguration',
    ]);
  });
});

describe('decodeDocument', () => {
  it('returns objects and arrays as they are', () => {
    expect(decodeDocument(POLICY)).toBe(POLICY);
    const list = [POLICY];
    expect(decodeDocument(list)).toBe(list);
  });

  it('parses a JSON string (S3 bucket policyText)', () => {
    expect(decodeDocument(JSON.stringify(POLICY))).toEqual(POLICY);
    expect(decodeDocument(`  ${JSON.stringify(POLICY, null, 2)}\n`)).toEqual(POLICY);
    expect(decodeDocument('[1,2]')).toEqual([1, 2]);
  });

  it('parses URL-encoded JSON (IAM policy documents as AWS Config stores them)', () => {
    expect(URL_ENCODED.startsWith('%7B%22Version%22%3A%222012-10-17%22')).toBe(true);
    expect(decodeDocument(URL_ENCODED)).toEqual(POLICY);
  });

  it('parses URL-encoded JSON where spaces are "+" (form encoding)', () => {
    const text = '%7B%22Version%22%3A+%222012-10-17%22%2C+%22Statement%22%3A+%5B%5D%7D';
    expect(decodeDocument(text)).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('parses a real AWS Config assumeRolePolicyDocument', () => {
    const text =
      '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D';
    expect(decodeDocument(text)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  it('returns undefined for empty input', () => {
    expect(decodeDocument(undefined)).toBeUndefined();
    expect(decodeDocument(null)).toBeUndefined();
    expect(decodeDocument('')).toBeUndefined();
    expect(decodeDocument('   ')).toBeUndefined();
  });

  it.each([
    ['plain text', 'not a policy'],
    ['broken JSON', '{"Version": "2012-10-17",'],
    ['broken URL-encoded JSON', '%7B%22Version%22%3A'],
    ['a bad percent escape', '%E0%A4%A'],
    ['URL-encoded text that is not JSON', 'hello%20world'],
    ['a JSON scalar', '42'],
  ])('rejects %s with ConfigurationDecodeError', (_, text) => {
    const error = decodeError(() => decodeDocument(text, 'policy document of AWS::IAM::Policy p'));
    expect(error.field).toBe('policy document of AWS::IAM::Policy p');
    expect(error.message).toMatch(/^policy document of AWS::IAM::Policy p is /);
  });

  it('names "document" when no description is given', () => {
    expect(decodeError(() => decodeDocument('garbage')).field).toBe('document');
  });

  it('keeps non-string scalars as they are', () => {
    expect(decodeDocument(42)).toBe(42);
    expect(decodeDocument(false)).toBe(false);
  });
});
