import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { ReportGenerator } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/reports`;
const code = new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset('export const handler = 1;') });

describe('ReportGenerator', () => {
  beforeAll(() => deploy(() => new ReportGenerator('report', { code, kmsKeyArn: KEY })));

  it('runs the bundle on a daily schedule', () => {
    expect(one(resourcesOf('report'), 'aws:cloudwatch/eventRule:EventRule').inputs.scheduleExpression).toBe(
      'rate(1 day)',
    );
    const fn = one(resourcesOf('report'), 'aws:lambda/function:Function');
    expect(fn.inputs.runtime).toBe('nodejs22.x');
    expect(fn.inputs.environment.variables.RAMPART_REPORT_BUCKET).toBe('report-reports');
    expect(one(resourcesOf('report'), 'aws:lambda/permission:Permission').inputs.principal).toBe(
      'events.amazonaws.com',
    );
  });

  it('tags its resources report-generator and writes reports to a private SSE-KMS bucket', () => {
    expect(one(resourcesOf('report'), 'aws:s3/bucket:Bucket').inputs.tags['rampart:component']).toBe(
      'report-generator',
    );
    const policy = JSON.parse(one(resourcesOf('report'), 'aws:iam/policy:Policy').inputs.policy);
    const write = policy.Statement.find((s: { Sid: string }) => s.Sid === 'WriteReports');
    expect(write.Resource).toEqual(['arn:aws:s3:::report-reports/reports/*']);
    expect(policy.Statement.find((s: { Sid: string }) => s.Sid === 'EncryptReports').Resource).toEqual([KEY]);
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new ReportGenerator('bad', { code, kmsKeyArn: KEY, schedule: 'daily' })).toThrow(
      'Invalid ReportGenerator args for "bad": schedule: must be rate(...) or cron(...)',
    );
  });
});
