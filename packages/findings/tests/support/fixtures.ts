import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { type Compliance, type Control, catalog, type Evaluation, type EvaluationScope } from '@rampart/core';
import type { Clock } from '../../src/index.js';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const REGION = 'eu-west-1';
export const NOW = '2026-11-29T08:00:00.000Z';

export function control(id: string): Control<unknown> {
  const found = catalog().get(id);
  if (found === undefined) throw new Error(`no control ${id}`);
  return found;
}

export function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    controlId: 's3-bucket-server-side-encryption-enabled',
    resourceType: 'AWS::S3::Bucket',
    resourceId: 'acme-tmp-exports',
    resourceArn: 'arn:aws:s3:::acme-tmp-exports',
    accountId: ACCOUNT,
    region: REGION,
    compliance: 'NON_COMPLIANT' as Compliance,
    annotation: 'Bucket acme-tmp-exports has no default encryption.',
    ...overrides,
  };
}

export function scope(overrides: Partial<EvaluationScope> = {}): EvaluationScope {
  return {
    controls: catalog()
      .all()
      .map((c) => c.id),
    accounts: [ACCOUNT],
    regions: [REGION],
    now: NOW,
    incomplete: [],
    ...overrides,
  };
}

/** A clock that never waits: sleeping moves time forward. */
export function fakeClock(): Clock & { elapsed(): number; sleeps: number[] } {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    elapsed: () => t,
    sleeps,
  };
}

export function sizedFinding(id: string, bytes: number): AwsSecurityFinding {
  const base: AwsSecurityFinding = {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:product/${ACCOUNT}/default`,
    GeneratorId: 'rampart/test',
    AwsAccountId: ACCOUNT,
    CreatedAt: NOW,
    UpdatedAt: NOW,
    Title: 't',
    Description: '',
    Resources: [{ Type: 'Other', Id: id }],
  };
  const size = Buffer.byteLength(JSON.stringify(base));
  base.Description = 'x'.repeat(Math.max(1, bytes - size));
  return base;
}
