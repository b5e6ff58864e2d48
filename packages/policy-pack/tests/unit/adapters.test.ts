import { normalizeItem } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { RESOURCE_ADAPTERS, stackItems } from '../../src/index.js';
import { fixture, res } from '../helpers.js';

/** A minimal resource of each adapter's primary type, and the real fixture of the same resource type. */
const SAMPLES: Record<string, { props: Record<string, unknown>; fixture: string }> = {
  'AWS::S3::Bucket': { props: { bucket: 'b' }, fixture: 'encrypted' },
  'AWS::EC2::SecurityGroup': { props: { name: 'g', ingress: [], egress: [] }, fixture: 'restricted' },
  'AWS::EC2::Volume': { props: { size: 8 }, fixture: 'encrypted-attached' },
  'AWS::RDS::DBInstance': { props: { identifier: 'd' }, fixture: 'encrypted-private' },
  'AWS::KMS::Key': { props: {}, fixture: 'customer-managed-with-policy' },
  'AWS::CloudTrail::Trail': { props: { name: 't' }, fixture: 'multi-region' },
  'AWS::SNS::Topic': { props: { name: 't' }, fixture: 'encrypted' },
  'AWS::IAM::Policy': {
    props: { name: 'p', policy: '{"Version":"2012-10-17","Statement":[]}' },
    fixture: 'customer-managed',
  },
  'AWS::IAM::Role': { props: { name: 'r', assumeRolePolicy: '{}' }, fixture: 'task-role' },
  'AWS::Lambda::Function': { props: { name: 'f' }, fixture: 'vpc-private' },
  'AWS::WAFv2::WebACL': { props: { name: 'w', scope: 'REGIONAL', rules: [] }, fixture: 'regional-managed' },
};

describe.each(RESOURCE_ADAPTERS.map((a) => [a.resourceType, a] as const))('%s adapter', (type, adapter) => {
  const sample = SAMPLES[type]!;
  const built = stackItems([res(adapter.tokens[0]!, 'sample', sample.props)], {
    accountId: '123456789012',
    region: 'eu-west-1',
  }).items[0]!.raw;
  const real = fixture(type, sample.fixture);

  it('builds an item the normalizer accepts, of the right type', () => {
    const result = normalizeItem(built);
    expect(result.ok).toBe(true);
    expect(built['resourceType']).toBe(type);
    expect(built['awsRegion']).toBe(real['awsRegion']);
  });

  it('uses only field names of the real configuration item', () => {
    const ours = Object.keys(built['configuration'] as object);
    const theirs = new Set(Object.keys(real['configuration']));
    expect(ours.filter((k) => !theirs.has(k))).toEqual([]);
    const supplementary = Object.keys((built['supplementaryConfiguration'] ?? {}) as object);
    const known = new Set([...Object.keys(real['supplementaryConfiguration'] ?? {}), 'LoggingConfiguration']);
    expect(supplementary.filter((k) => !known.has(k))).toEqual([]);
  });
});
