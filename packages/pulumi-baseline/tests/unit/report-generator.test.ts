import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { ReportGenerator, REPORT_PREFIX } = await import('../../src/index.js');
const { REPORT_GENERATOR_IAM_ACTIONS } = await import('@rampart/report-generator');

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
    const granting = (action: string) => policy.Statement.find((s: { Action: string[] }) => s.Action.includes(action));
    expect(granting('s3:PutObject').Resource).toEqual([`arn:aws:s3:::report-reports/${REPORT_PREFIX}*`]);
    expect(granting('kms:GenerateDataKey').Resource).toEqual([KEY]);
    // The function writes under the prefix its role grants, with the key it requires.
    const env = one(resourcesOf('report'), 'aws:lambda/function:Function').inputs.environment.variables;
    expect(env).toMatchObject({ RAMPART_REPORT_PREFIX: REPORT_PREFIX, RAMPART_REPORT_KMS_KEY_ID: KEY });
  });

  it("grants exactly the actions apps/report-generator exports, plus the runtime's own log writes", () => {
    const policy = JSON.parse(one(resourcesOf('report'), 'aws:iam/policy:Policy').inputs.policy);
    const actions = policy.Statement.flatMap((s: { Action: string[] }) => s.Action).sort();
    expect(actions).toEqual([...REPORT_GENERATOR_IAM_ACTIONS, 'logs:CreateLogStream', 'logs:PutLogEvents'].sort());
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new ReportGenerator('bad', { code, kmsKeyArn: KEY, schedule: 'daily' })).toThrow(
      'Invalid ReportGenerator args for "bad": schedule: must be rate(...) or cron(...)',
    );
  });
});
