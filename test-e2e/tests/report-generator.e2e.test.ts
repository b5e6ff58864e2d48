import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { findingId } from '@rampart/findings';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNT, motoClientConfig, REGION } from '../support/aws.js';
import { resetMoto } from '../support/moto.js';

/**
 * The bundled report generator (apps/report-generator/dist/handler.mjs) against moto: the HTML report
 * written to S3 with SSE-KMS under a key created in moto, and the findings imported into Security Hub
 * and archived within the run's scope. moto has no GetComplianceDetailsByConfigRule, so AWS Config is a
 * small fake that answers the two calls the function makes, by command name (the bundle has its own
 * SDK classes, so an instance-of mock would not match).
 */

const bundle = fileURLToPath(new URL('../../apps/report-generator/dist/handler.mjs', import.meta.url));
const BUCKET = 'acme-rampart-reports';

type Summary = Record<string, unknown> & {
  report: { bucket: string; key: string; jsonKey: string };
  securityHub: Record<string, number>;
  readFailures: unknown[];
};
type Handler = (event: unknown, context: unknown) => Promise<Summary>;
type CreateHandler = (overrides: Record<string, unknown>, env: Record<string, string | undefined>) => Handler;

interface FakeResult {
  rule: string;
  type: string;
  id: string;
  compliance: string;
  annotation?: string;
}

/**
 * AWS Config as the function reads it: DescribeConfigRules and GetComplianceDetailsByConfigRule, paged
 * by 2. The bundle is minified, so calls are told apart by their input (only the second names a rule).
 */
function fakeConfig(rules: string[], results: FakeResult[], unreadable: string[] = []) {
  const calls: { command: string; input: Record<string, unknown> }[] = [];
  return {
    calls,
    client: {
      send: async (command: { input: Record<string, unknown> }) => {
        const keys = Object.keys(command.input);
        const name =
          'ConfigRuleName' in command.input
            ? 'GetComplianceDetailsByConfigRuleCommand'
            : keys.every((k) => k === 'NextToken')
              ? 'DescribeConfigRulesCommand'
              : `unknown(${keys.join(',')})`;
        calls.push({ command: name, input: command.input });
        if (name === 'DescribeConfigRulesCommand') {
          return {
            ConfigRules: rules.map((r, i) => ({
              ConfigRuleName: r,
              ConfigRuleArn: `arn:aws:config:${REGION}:${ACCOUNT}:config-rule/config-rule-${i}`,
            })),
          };
        }
        if (name === 'GetComplianceDetailsByConfigRuleCommand') {
          const rule = command.input['ConfigRuleName'] as string;
          if (unreadable.includes(rule)) {
            throw Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' });
          }
          const mine = results.filter((r) => r.rule === rule);
          const start = Number(command.input['NextToken'] ?? 0);
          const page = mine.slice(start, start + 2);
          return {
            EvaluationResults: page.map((r) => ({
              EvaluationResultIdentifier: {
                EvaluationResultQualifier: { ConfigRuleName: rule, ResourceType: r.type, ResourceId: r.id },
              },
              ComplianceType: r.compliance,
              ...(r.annotation !== undefined ? { Annotation: r.annotation } : {}),
            })),
            ...(start + 2 < mine.length ? { NextToken: String(start + 2) } : {}),
          };
        }
        throw new Error(`unexpected AWS Config call ${name}`);
      },
    },
  };
}

const SSH = 'rampart-restricted-ssh';
const MFA = 'rampart-iam-user-mfa-enabled';
const RESULTS: FakeResult[] = [
  {
    rule: SSH,
    type: 'AWS::EC2::SecurityGroup',
    id: 'sg-0open',
    compliance: 'NON_COMPLIANT',
    annotation: 'Security group sg-0open opens port 22 to 0.0.0.0/0.',
  },
  { rule: SSH, type: 'AWS::EC2::SecurityGroup', id: 'sg-0closed', compliance: 'COMPLIANT' },
  { rule: SSH, type: 'AWS::EC2::SecurityGroup', id: 'sg-0other', compliance: 'COMPLIANT' },
  {
    rule: MFA,
    type: 'AWS::IAM::User',
    id: 'AIDAALICE',
    compliance: 'NON_COMPLIANT',
    annotation: 'IAM user alice has no MFA device.',
  },
];

const sgId = (id: string) =>
  findingId({
    accountId: ACCOUNT,
    region: REGION,
    controlId: 'restricted-ssh',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: id,
  });
const aliceId = findingId({
  accountId: ACCOUNT,
  region: 'global',
  controlId: 'iam-user-mfa-enabled',
  resourceType: 'AWS::IAM::User',
  resourceId: 'AIDAALICE',
});

async function allFindings(): Promise<Map<string, AwsSecurityFinding>> {
  const hub = new SecurityHubClient(motoClientConfig());
  const found = new Map<string, AwsSecurityFinding>();
  let token: string | undefined;
  do {
    const page = await hub.send(new GetFindingsCommand({ MaxResults: 100, NextToken: token }));
    for (const f of page.Findings ?? []) found.set(f.Id!, f);
    token = page.NextToken || undefined;
  } while (token);
  return found;
}

describe('report generator Lambda (bundle) against moto: S3 with SSE-KMS, Security Hub import', () => {
  let createHandler: CreateHandler;
  let keyArn: string;
  const saved = { ...process.env };
  const s3 = () => new S3Client(motoClientConfig());

  beforeAll(async () => {
    if (!existsSync(bundle)) {
      throw new Error(`${bundle} is missing: build it with \`pnpm --filter @rampart/report-generator build\``);
    }
    // The bundle's clients use the SDK's default credential chain: the environment, as in Lambda.
    process.env['AWS_ACCESS_KEY_ID'] = 'testing';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'testing';
    process.env['POWERTOOLS_LOG_LEVEL'] ??= 'WARN';
    ({ createHandler } = (await import(pathToFileURL(bundle).href)) as { createHandler: CreateHandler });
    await resetMoto(inject('motoEndpoint'));
    const kms = new KMSClient(motoClientConfig());
    const key = await kms.send(new CreateKeyCommand({ Description: 'rampart reports' }));
    keyArn = key.KeyMetadata!.Arn!;
    await s3().send(
      new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: REGION } }),
    );
  });

  afterAll(() => {
    for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'POWERTOOLS_LOG_LEVEL']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  const env = () => ({
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL: inject('motoEndpoint'),
    RAMPART_REPORT_BUCKET: BUCKET,
    RAMPART_REPORT_KMS_KEY_ID: keyArn,
  });
  const context = { awsRequestId: 'e2e-request', functionName: 'rampart-report-generator' };

  it('first run: imports one finding per resource and writes the encrypted report', async () => {
    const config = fakeConfig([SSH, MFA, 'securityhub-other-rule'], RESULTS);
    const handler = createHandler({ config: config.client, now: () => new Date('2026-11-29T10:00:00.000Z') }, env());
    const summary = await handler({ source: 'aws.events' }, context);
    expect(summary).toMatchObject({
      rules: 2,
      evaluations: 4,
      compliant: 2,
      nonCompliant: 2,
      score: 50,
      securityHub: { new: 4, failed: 0 },
    });
    // Paged: three SSH results at two a page.
    const sshPages = config.calls.filter(
      (c) => c.command === 'GetComplianceDetailsByConfigRuleCommand' && c.input['ConfigRuleName'] === SSH,
    );
    expect(sshPages.map((c) => c.input['NextToken'])).toEqual([undefined, '2']);

    const head = await s3().send(new HeadObjectCommand({ Bucket: BUCKET, Key: summary.report.key }));
    expect(head.ServerSideEncryption).toBe('aws:kms');
    expect(head.SSEKMSKeyId).toContain(keyArn.split('/').pop());
    expect(head.ContentType).toBe('text/html; charset=utf-8');
    const body = await (
      await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: summary.report.key }))
    ).Body!.transformToString();
    expect(body).toContain('data-testid="total-evaluations">4<');
    expect(body).toContain('Security group sg-0open opens port 22 to 0.0.0.0/0.');
    expect(body).toContain('IAM user alice has no MFA device.');
    const json = JSON.parse(
      await (
        await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: summary.report.jsonKey }))
      ).Body!.transformToString(),
    ) as { totals: { nonCompliant: number } };
    expect(json.totals.nonCompliant).toBe(2);

    const findings = await allFindings();
    expect(findings.get(sgId('sg-0open'))).toMatchObject({ Compliance: { Status: 'FAILED' }, RecordState: 'ACTIVE' });
    expect(findings.get(sgId('sg-0closed'))).toMatchObject({ Compliance: { Status: 'PASSED' }, RecordState: 'ACTIVE' });
    expect(findings.get(aliceId)).toMatchObject({ Compliance: { Status: 'FAILED' }, Region: REGION });
  });

  it('second run: a gone resource is archived, an unreadable rule keeps its findings, the invocation fails after writing', async () => {
    // A finding of another tool, with the same account and region: never touched.
    const hub = new SecurityHubClient(motoClientConfig());
    await hub.send(
      new BatchImportFindingsCommand({
        Findings: [
          {
            SchemaVersion: '2018-10-08',
            Id: `prowler/${ACCOUNT}/${REGION}/ec2_sg/1`,
            ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:product/${ACCOUNT}/default`,
            GeneratorId: 'prowler-ec2',
            AwsAccountId: ACCOUNT,
            CreatedAt: '2026-11-01T00:00:00.000Z',
            UpdatedAt: '2026-11-01T00:00:00.000Z',
            Title: 'Another tool',
            Description: 'Must stay.',
            Resources: [{ Type: 'AwsEc2SecurityGroup', Id: 'sg-0closed' }],
            RecordState: 'ACTIVE',
          },
        ],
      }),
    );
    const remaining = RESULTS.filter((r) => r.id !== 'sg-0closed');
    const config = fakeConfig([SSH, MFA], remaining, [MFA]);
    const handler = createHandler({ config: config.client, now: () => new Date('2026-11-30T10:00:00.000Z') }, env());
    await expect(handler({}, context)).rejects.toThrow(/1 rule result set\(s\) could not be read/);

    const findings = await allFindings();
    expect(findings.get(sgId('sg-0closed'))?.RecordState).toBe('ARCHIVED');
    expect(findings.get(sgId('sg-0open'))).toMatchObject({
      RecordState: 'ACTIVE',
      CreatedAt: '2026-11-29T10:00:00.000Z',
      LastObservedAt: '2026-11-30T10:00:00.000Z',
    });
    // The MFA rule could not be read: alice's finding stays as it was.
    expect(findings.get(aliceId)).toMatchObject({ RecordState: 'ACTIVE', LastObservedAt: '2026-11-29T10:00:00.000Z' });
    expect(findings.get(`prowler/${ACCOUNT}/${REGION}/ec2_sg/1`)?.RecordState).toBe('ACTIVE');

    const listed = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'rampart/reports/' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key!).sort();
    expect(keys.filter((k) => k.endsWith('.html'))).toHaveLength(2);
    const latest = keys.filter((k) => k.includes('2026-11-30')).find((k) => k.endsWith('.html'))!;
    const html = await (
      await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: latest }))
    ).Body!.transformToString();
    expect(html).toContain('data-testid="incomplete"');
  });
});
