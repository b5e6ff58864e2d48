import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  type BatchImportFindingsCommandInput,
  GetFindingsCommand,
  InvalidAccessException,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildFindings, type ExportOptions, exportToSecurityHub, findingId, type RunLike } from '../../../src/index.js';
import { ACCOUNT, evaluation, fakeClock, NOW, OTHER_ACCOUNT, REGION, scope } from '../../support/fixtures.js';
import { validateShape } from '../../support/model.js';

const hub = mockClient(SecurityHubClient);
const client = new SecurityHubClient({ region: REGION });
const EXPORT_NOW = new Date('2026-11-29T09:00:00.000Z');
const CREATED = '2026-10-01T00:00:00.000Z';

function options(extra: Partial<ExportOptions> = {}): ExportOptions {
  return { clientFor: () => client, now: EXPORT_NOW, clock: fakeClock(), ...extra };
}

/** A finding as Security Hub returns it from an earlier run (with service-managed fields). */
function existing(e: Parameters<typeof evaluation>[0], times = { created: CREATED }): AwsSecurityFinding {
  const [f] = buildFindings({ evaluations: [evaluation(e)], scope: scope({ now: times.created }) }).findings;
  return {
    ...f!,
    ProductFields: { ...f!.ProductFields, 'aws/securityhub/FindingId': 'x', 'aws/securityhub/ProductName': 'Default' },
    Workflow: { Status: 'NEW' },
    WorkflowState: 'NEW',
    ProcessedAt: times.created,
  };
}

function sent(): AwsSecurityFinding[] {
  return hub.commandCalls(BatchImportFindingsCommand).flatMap((c) => c.args[0].input.Findings!);
}

const okImport = (input: BatchImportFindingsCommandInput) => ({
  FailedCount: 0,
  SuccessCount: input.Findings!.length,
  FailedFindings: [],
});

describe('exportToSecurityHub', () => {
  beforeEach(() => {
    hub.reset();
    hub.on(BatchImportFindingsCommand).callsFake(okImport);
  });

  it('signs with the identity it is given (a cross-account scan exports as the role it assumed)', async () => {
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    const signedAs: string[] = [];
    hub.on(BatchImportFindingsCommand).callsFake(async (input: BatchImportFindingsCommandInput, getClient) => {
      const identity = await (getClient().config.credentials as () => Promise<{ accessKeyId: string }>)();
      signedAs.push(identity.accessKeyId);
      return okImport(input);
    });
    const run: RunLike = { evaluations: [evaluation()], scope: scope() };
    const summary = await exportToSecurityHub(run, {
      now: EXPORT_NOW,
      clock: fakeClock(),
      credentials: async () => ({ accessKeyId: 'ASIAROLE', secretAccessKey: 'secret', sessionToken: 'token' }),
    });
    expect(summary).toMatchObject({ new: 1, failed: 0 });
    expect(signedAs).toEqual(['ASIAROLE']);
  });

  it('imports new findings and counts them', async () => {
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    const run: RunLike = {
      evaluations: [evaluation(), evaluation({ resourceId: 'acme-app-data', compliance: 'COMPLIANT' })],
      scope: scope(),
    };
    const summary = await exportToSecurityHub(run, options());
    expect(summary).toMatchObject({ new: 2, updated: 0, unchanged: 0, archived: 0, failed: 0 });
    for (const f of sent()) {
      expect(f.CreatedAt).toBe(NOW);
      expect(f.UpdatedAt).toBe(EXPORT_NOW.toISOString());
      expect(validateShape(f, 'AwsSecurityFinding')).toEqual([]);
    }
  });

  it('reads history with the filters, pages through it, keeps CreatedAt/FirstObservedAt and moves UpdatedAt/LastObservedAt', async () => {
    const before = existing({});
    const unchanged = existing({ resourceId: 'acme-app-data', compliance: 'COMPLIANT', annotation: 'ok' });
    hub
      .on(GetFindingsCommand)
      .resolvesOnce({ Findings: [before], NextToken: 'page-2' })
      .resolvesOnce({ Findings: [unchanged] });
    const run: RunLike = {
      evaluations: [
        evaluation({ compliance: 'COMPLIANT', annotation: 'Bucket acme-tmp-exports is encrypted.' }),
        evaluation({ resourceId: 'acme-app-data', compliance: 'COMPLIANT', annotation: 'ok' }),
      ],
      scope: scope(),
    };
    const summary = await exportToSecurityHub(run, options());
    expect(summary).toMatchObject({ new: 0, updated: 1, unchanged: 1, archived: 0, failed: 0 });
    const calls = hub.commandCalls(GetFindingsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input.Filters).toEqual({
      ProductArn: [
        { Value: `arn:aws:securityhub:${REGION}:${ACCOUNT}:product/${ACCOUNT}/default`, Comparison: 'EQUALS' },
      ],
      GeneratorId: [{ Value: 'rampart/', Comparison: 'PREFIX' }],
      AwsAccountId: [{ Value: ACCOUNT, Comparison: 'EQUALS' }],
      Region: [{ Value: REGION, Comparison: 'EQUALS' }],
      RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
    });
    expect(calls[1]!.args[0].input.NextToken).toBe('page-2');
    const fixed = sent().find((f) => f.Id === before.Id)!;
    expect(fixed).toMatchObject({
      CreatedAt: CREATED,
      FirstObservedAt: CREATED,
      LastObservedAt: NOW,
      UpdatedAt: EXPORT_NOW.toISOString(),
      Compliance: { Status: 'PASSED' },
      RecordState: 'ACTIVE',
    });
  });

  it('archives gone and NOT_APPLICABLE resources in scope, and nothing else', async () => {
    const gone = existing({ resourceId: 'deleted-bucket' });
    const notApplicable = existing({ resourceId: 'now-na' });
    const otherControl = existing({
      controlId: 'restricted-ssh',
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: 'sg-1',
    });
    const otherRegionId = existing({ region: 'eu-central-1', resourceId: 'b-eu-central' });
    const otherAccount = existing({ accountId: OTHER_ACCOUNT, resourceId: 'b-other' });
    const otherGenerator = {
      ...existing({ resourceId: 'g' }),
      GeneratorId: 'prowler-s3_bucket',
      Id: 'prowler/123/abc',
    };
    const otherProduct = {
      ...existing({ resourceId: 'p' }),
      ProductArn: `arn:aws:securityhub:${REGION}::product/aws/guardduty`,
    };
    const archivedAlready = { ...existing({ resourceId: 'old' }), RecordState: 'ARCHIVED' as const };
    // moto ignores Filters: every finding comes back, and the client must filter.
    hub.on(GetFindingsCommand).resolves({
      Findings: [
        gone,
        notApplicable,
        otherControl,
        otherRegionId,
        otherAccount,
        otherGenerator,
        otherProduct,
        archivedAlready,
      ],
    });
    const run: RunLike = {
      evaluations: [
        evaluation({ resourceId: 'now-na', compliance: 'NOT_APPLICABLE', annotation: 'The resource was deleted.' }),
      ],
      scope: scope({ controls: ['s3-bucket-server-side-encryption-enabled'] }),
    };
    const summary = await exportToSecurityHub(run, options());
    expect(summary).toMatchObject({ new: 0, archived: 2, failed: 0 });
    const archivedIds = sent().map((f) => [f.Id, f.RecordState]);
    expect(archivedIds.sort()).toEqual([
      [gone.Id, 'ARCHIVED'],
      [notApplicable.Id, 'ARCHIVED'],
    ]);
    const archived = sent()[0]!;
    expect(archived.CreatedAt).toBe(CREATED);
    expect(archived.Workflow).toBeUndefined();
    expect(Object.keys(archived.ProductFields!).some((k) => k.startsWith('aws/'))).toBe(false);
    expect(validateShape(archived, 'AwsSecurityFinding')).toEqual([]);
  });

  it('never archives resource types the run could not read (scope.incomplete)', async () => {
    const bucket = existing({ resourceId: 'unreadable-bucket' });
    const sg = existing({ controlId: 'restricted-ssh', resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-9' });
    hub.on(GetFindingsCommand).resolves({ Findings: [bucket, sg] });
    const run: RunLike = {
      evaluations: [],
      scope: scope({ incomplete: [{ accountId: ACCOUNT, region: REGION, resourceTypes: ['AWS::S3::Bucket'] }] }),
    };
    const summary = await exportToSecurityHub(run, options());
    expect(summary).toMatchObject({ archived: 1, keptIncomplete: 1 });
    expect(sent().map((f) => f.Id)).toEqual([sg.Id]);
  });

  it('puts global findings in the home region and archives them only there', async () => {
    const iam = { controlId: 'iam-user-no-policies-check', resourceType: 'AWS::IAM::User', region: 'global' };
    const goneUser = existing({ ...iam, resourceId: 'AIDAGONE' });
    hub.on(GetFindingsCommand).callsFake((input) => {
      const region = input.Filters.Region[0].Value as string;
      return {
        Findings:
          region === 'us-east-1'
            ? [{ ...goneUser, Region: 'us-east-1', ProductArn: goneUser.ProductArn!.replace(REGION, 'us-east-1') }]
            : [],
      };
    });
    const run: RunLike = {
      evaluations: [evaluation({ ...iam, resourceId: 'AIDAKEEP', resourceArn: null })],
      scope: scope({ regions: [REGION, 'us-east-1'] }),
    };
    const summary = await exportToSecurityHub(run, options({ homeRegion: 'us-east-1' }));
    expect(summary.partitions).toEqual([`${ACCOUNT}/${REGION}`, `${ACCOUNT}/us-east-1`]);
    expect(summary).toMatchObject({ new: 1, archived: 1 });
    const user = sent().find((f) =>
      f.Id!.endsWith(
        findingId({ ...iam, accountId: ACCOUNT, resourceId: 'AIDAKEEP' })
          .split('/')
          .pop()!,
      ),
    )!;
    expect(user.Region).toBe('us-east-1');
    expect(user.Id).toContain('/global/');
  });

  it('names every finding of a partition whose history cannot be read, and imports nothing there', async () => {
    hub
      .on(GetFindingsCommand)
      .rejects(
        new InvalidAccessException({ $metadata: { httpStatusCode: 401 }, message: 'Security Hub is not enabled' }),
      );
    const run: RunLike = { evaluations: [evaluation(), evaluation({ resourceId: 'b2' })], scope: scope() };
    const summary = await exportToSecurityHub(run, options());
    expect(summary.failed).toBe(2);
    expect(summary.failures.map((f) => f.code)).toEqual(['InvalidAccessException', 'InvalidAccessException']);
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });

  it('counts failed imports by Id and keeps the other counts exact', async () => {
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    hub.on(BatchImportFindingsCommand).callsFake((input: BatchImportFindingsCommandInput) => ({
      FailedCount: 1,
      SuccessCount: input.Findings!.length - 1,
      FailedFindings: [{ Id: input.Findings![0]!.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'bad' }],
    }));
    const run: RunLike = { evaluations: [evaluation(), evaluation({ resourceId: 'b2' })], scope: scope() };
    const summary = await exportToSecurityHub(run, options());
    expect(summary).toMatchObject({ new: 1, failed: 1 });
    expect(summary.failures).toEqual([
      expect.objectContaining({ id: findingId(evaluation()), code: 'InvalidInput', accountId: ACCOUNT }),
    ]);
  });

  it('a dry run reads history and plans, but imports nothing', async () => {
    hub.on(GetFindingsCommand).resolves({ Findings: [existing({ resourceId: 'gone' })] });
    const summary = await exportToSecurityHub(
      { evaluations: [evaluation()], scope: scope() },
      options({ dryRun: true }),
    );
    expect(summary).toMatchObject({ dryRun: true, new: 1, archived: 1 });
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });

  it('does not overwrite a newer observation with an older run', async () => {
    hub.on(GetFindingsCommand).resolves({ Findings: [existing({}, { created: '2026-12-31T00:00:00.000Z' })] });
    const summary = await exportToSecurityHub({ evaluations: [evaluation()], scope: scope() }, options());
    expect(summary).toMatchObject({ outdated: 1, new: 0, updated: 0 });
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });

  it('with --region, touches only that region', async () => {
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    const run: RunLike = {
      evaluations: [evaluation(), evaluation({ region: 'eu-central-1' })],
      scope: scope({ regions: [REGION, 'eu-central-1'] }),
    };
    const summary = await exportToSecurityHub(run, options({ region: 'eu-central-1' }));
    expect(summary.partitions).toEqual([`${ACCOUNT}/eu-central-1`]);
    expect(sent().map((f) => f.Region)).toEqual(['eu-central-1']);
  });
});
