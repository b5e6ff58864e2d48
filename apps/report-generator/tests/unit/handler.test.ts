import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  GetComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  BatchImportFindingsCommand,
  type BatchImportFindingsCommandInput,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { findingId } from '@rampart/findings';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportRunError } from '../../src/errors.js';
import { createHandler } from '../../src/handler.js';
import { ACCOUNT, CONTEXT, ENV, NOW, REGION, result, ruleArn } from './support.js';

const config = mockClient(ConfigServiceClient);
const s3 = mockClient(S3Client);
const hub = mockClient(SecurityHubClient);

function handler(env: Record<string, string> = {}) {
  return createHandler(
    {
      config: new ConfigServiceClient({ region: REGION }),
      s3: new S3Client({ region: REGION }),
      securityHubFor: (region) => new SecurityHubClient({ region }),
      now: () => NOW,
    },
    { ...ENV, ...env },
  );
}

const RULES = [
  { ConfigRuleName: 'rampart-restricted-ssh', ConfigRuleArn: ruleArn(REGION, ACCOUNT, 'a'), Source: undefined },
  { ConfigRuleName: 'rampart-iam-user-mfa-enabled', ConfigRuleArn: ruleArn(REGION, ACCOUNT, 'b'), Source: undefined },
];

let logs: string[];
beforeEach(() => {
  config.reset();
  s3.reset();
  hub.reset();
  config.on(DescribeConfigRulesCommand).resolves({ ConfigRules: RULES });
  config
    .on(GetComplianceDetailsByConfigRuleCommand, { ConfigRuleName: 'rampart-restricted-ssh' })
    .resolves({
      EvaluationResults: [
        result(
          'rampart-restricted-ssh',
          'AWS::EC2::SecurityGroup',
          'sg-open',
          'NON_COMPLIANT',
          'Port 22 is open to 0.0.0.0/0.',
        ),
        result('rampart-restricted-ssh', 'AWS::EC2::SecurityGroup', 'sg-closed', 'COMPLIANT'),
      ],
    })
    .on(GetComplianceDetailsByConfigRuleCommand, { ConfigRuleName: 'rampart-iam-user-mfa-enabled' })
    .resolves({
      EvaluationResults: [result('rampart-iam-user-mfa-enabled', 'AWS::IAM::User', 'AIDAALICE', 'COMPLIANT')],
    });
  s3.on(PutObjectCommand).resolves({});
  hub.on(GetFindingsCommand).resolves({ Findings: [] });
  hub.on(BatchImportFindingsCommand).callsFake((input: BatchImportFindingsCommandInput) => ({
    SuccessCount: input.Findings!.length,
    FailedCount: 0,
    FailedFindings: [],
  }));
  logs = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    logs.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('report generator handler', () => {
  it('reads the rules, imports the findings, writes the HTML report with SSE-KMS and logs one summary line', async () => {
    const summary = await handler()({}, CONTEXT);
    expect(summary).toMatchObject({
      source: 'account',
      rules: 2,
      accounts: 1,
      regions: 1,
      evaluations: 3,
      compliant: 2,
      nonCompliant: 1,
      score: 67,
      readFailures: [],
      securityHub: { new: 3, failed: 0, archived: 0 },
    });
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => p.Key)).toEqual([
      'rampart/reports/2026-11-29/rampart-report-2026-11-29T09-00-00-000Z.html',
      'rampart/reports/2026-11-29/rampart-report-2026-11-29T09-00-00-000Z.json',
    ]);
    for (const put of puts) {
      expect(put).toMatchObject({
        Bucket: ENV.RAMPART_REPORT_BUCKET,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: ENV.RAMPART_REPORT_KMS_KEY_ID,
      });
    }
    const html = String(puts[0]!.Body);
    expect(html).toContain('sg-open');
    expect(html).toContain('Port 22 is open to 0.0.0.0/0.');
    expect(puts[0]!.ContentType).toBe('text/html; charset=utf-8');

    const imported = hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings!);
    expect(imported.map((f) => f.Id).sort()).toEqual(
      [
        findingId({
          accountId: ACCOUNT,
          region: REGION,
          controlId: 'restricted-ssh',
          resourceType: 'AWS::EC2::SecurityGroup',
          resourceId: 'sg-open',
        }),
        findingId({
          accountId: ACCOUNT,
          region: REGION,
          controlId: 'restricted-ssh',
          resourceType: 'AWS::EC2::SecurityGroup',
          resourceId: 'sg-closed',
        }),
        findingId({
          accountId: ACCOUNT,
          region: 'global',
          controlId: 'iam-user-mfa-enabled',
          resourceType: 'AWS::IAM::User',
          resourceId: 'AIDAALICE',
        }),
      ].sort(),
    );
    expect(imported.every((f) => f.Region === REGION)).toBe(true);

    const lines = logs
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const summaries = lines.filter((l) => l['message'] === 'Rampart report run');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      service: 'rampart-report-generator',
      component: 'report-generator',
      awsRequestId: CONTEXT.awsRequestId,
      summary: { evaluations: 3, nonCompliant: 1 },
    });
  });

  it('writes the report but fails the invocation when a rule cannot be read, and archives nothing for it', async () => {
    config
      .on(GetComplianceDetailsByConfigRuleCommand, { ConfigRuleName: 'rampart-iam-user-mfa-enabled' })
      .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));
    // A finding of the unreadable control from an earlier run: it must stay active.
    const earlier = {
      SchemaVersion: '2018-10-08',
      Id: findingId({
        accountId: ACCOUNT,
        region: 'global',
        controlId: 'iam-user-mfa-enabled',
        resourceType: 'AWS::IAM::User',
        resourceId: 'AIDABOB',
      }),
      ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:product/${ACCOUNT}/default`,
      GeneratorId: 'rampart/iam-user-mfa-enabled',
      AwsAccountId: ACCOUNT,
      CreatedAt: '2026-11-01T00:00:00.000Z',
      UpdatedAt: '2026-11-01T00:00:00.000Z',
      LastObservedAt: '2026-11-01T00:00:00.000Z',
      Title: 't',
      Description: 'd',
      Resources: [{ Type: 'AwsIamUser', Id: 'AIDABOB' }],
      ProductFields: { 'rampart/ResourceType': 'AWS::IAM::User', 'rampart/ControlId': 'iam-user-mfa-enabled' },
      RecordState: 'ACTIVE' as const,
    };
    hub.on(GetFindingsCommand).resolves({ Findings: [earlier] });
    await expect(handler()({}, CONTEXT)).rejects.toThrow(ReportRunError);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(2);
    const imported = hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings!);
    expect(imported.find((f) => f.Id === earlier.Id)).toBeUndefined();
    const html = String(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body);
    expect(html).toContain('data-testid="incomplete"');
  });

  it('can leave Security Hub alone', async () => {
    const summary = await handler({ RAMPART_EXPORT_FINDINGS: 'false' })({}, CONTEXT);
    expect(summary.securityHub).toBe('disabled');
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });

  it('fails on an invalid environment before any call', async () => {
    await expect(createHandler({}, { AWS_REGION: REGION })({}, CONTEXT)).rejects.toThrow(/RAMPART_REPORT_BUCKET/);
    expect(config.calls()).toHaveLength(0);
  });
});
