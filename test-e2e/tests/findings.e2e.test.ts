import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { type CliIo, runCli } from '@rampart/cli';
import { findingId } from '@rampart/findings';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNT, motoClientConfig, REGION } from '../support/aws.js';
import { resetMoto } from '../support/moto.js';

const OTHER_ACCOUNT = '210987654321';
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'findings-account.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'rampart-findings-e2e-'));
const BUCKET = 'acme-app-data';
const OPEN_SG = 'sg-0ffe1dead2beef345';
const CLOSED_SG = 'sg-0a1b2c3d4e5f60718';

type Line = Record<string, unknown> & { configuration?: Record<string, unknown> };

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    color: false,
    cwd: dir,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Writes a variant of the account snapshot, evaluates it with the CLI and returns the results file. */
async function evaluate(name: string, edit: (lines: Line[]) => Line[] = (l) => l): Promise<string> {
  const lines = readFileSync(FIXTURE, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
  writeFileSync(
    join(dir, `${name}.jsonl`),
    `${edit(lines)
      .map((l) => JSON.stringify(l))
      .join('\n')}\n`,
  );
  const out = await cli('evaluate', '--input', `${name}.jsonl`, '--format', 'json');
  expect([0, 3]).toContain(out.code);
  writeFileSync(join(dir, `${name}.json`), out.stdout);
  return `${name}.json`;
}

async function exportRun(results: string) {
  const out = await cli(
    'export',
    'securityhub',
    '--input',
    results,
    '--endpoint-url',
    inject('motoEndpoint'),
    '--format',
    'json',
  );
  return { ...out, summary: JSON.parse(out.stdout) as Record<string, number> & { failures: unknown[] } };
}

async function allFindings(): Promise<AwsSecurityFinding[]> {
  const hub = new SecurityHubClient(motoClientConfig());
  const found: AwsSecurityFinding[] = [];
  let token: string | undefined;
  do {
    const page = await hub.send(new GetFindingsCommand({ MaxResults: 100, NextToken: token }));
    found.push(...(page.Findings ?? []));
    token = page.NextToken || undefined;
  } while (token);
  return found;
}

const rampartOwn = (f: AwsSecurityFinding) => f.AwsAccountId === ACCOUNT && f.GeneratorId?.startsWith('rampart/');
const byId = (list: AwsSecurityFinding[]) => new Map(list.map((f) => [f.Id!, f]));
const sgFinding = (controlId: string, sg: string) =>
  findingId({ accountId: ACCOUNT, region: REGION, controlId, resourceType: 'AWS::EC2::SecurityGroup', resourceId: sg });
const bucketFindings = (list: AwsSecurityFinding[]) =>
  list.filter((f) => f.ProductFields?.['rampart/ResourceId'] === BUCKET);

function seed(id: string, account: string, generator: string): AwsSecurityFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: `arn:aws:securityhub:${REGION}:${account}:product/${account}/default`,
    GeneratorId: generator,
    AwsAccountId: account,
    Region: REGION,
    CreatedAt: '2026-01-01T00:00:00.000Z',
    UpdatedAt: '2026-01-01T00:00:00.000Z',
    Title: 'Seeded by another tool',
    Description: 'Must stay untouched.',
    Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::acme-app-data' }],
    Compliance: { Status: 'FAILED' },
    ProductFields: { 'rampart/ResourceType': 'AWS::S3::Bucket' },
    RecordState: 'ACTIVE',
  };
}

describe('Security Hub export against moto: import, re-import, resolve, archive', () => {
  const foreign = [
    seed(
      `prowler/${ACCOUNT}/${REGION}/s3_bucket_default_encryption/abc`,
      ACCOUNT,
      'prowler-s3_bucket_default_encryption',
    ),
    seed(
      findingId({
        accountId: OTHER_ACCOUNT,
        region: REGION,
        controlId: 's3-bucket-logging-enabled',
        resourceType: 'AWS::S3::Bucket',
        resourceId: BUCKET,
      }),
      OTHER_ACCOUNT,
      'rampart/s3-bucket-logging-enabled',
    ),
  ];
  let first: Map<string, AwsSecurityFinding>;

  beforeAll(async () => {
    await resetMoto(inject('motoEndpoint'));
    process.env['AWS_ACCESS_KEY_ID'] = 'testing';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'testing';
    const hub = new SecurityHubClient(motoClientConfig());
    const seeded = await hub.send(new BatchImportFindingsCommand({ Findings: foreign }));
    expect(seeded.SuccessCount).toBe(2);
  });

  it('imports every finding `evaluate --format asff` prints, and reads them back', async () => {
    const results = await evaluate('run1');
    const asff = await cli('evaluate', '--input', 'run1.jsonl', '--format', 'asff');
    const printed = JSON.parse(asff.stdout) as AwsSecurityFinding[];
    const { code, summary, stderr } = await exportRun(results);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ new: printed.length, updated: 0, unchanged: 0, archived: 0, failed: 0 });
    expect(stderr).toContain(`${printed.length} new, 0 updated, 0 unchanged, 0 archived, 0 failed`);
    const own = (await allFindings()).filter(rampartOwn);
    expect(own.map((f) => f.Id).sort()).toEqual(printed.map((f) => f.Id).sort());
    first = byId(own);
    expect(first.get(sgFinding('restricted-ssh', OPEN_SG))!.Compliance!.Status).toBe('FAILED');
  });

  it('run again: same Ids, no duplicates, CreatedAt kept, everything unchanged', async () => {
    const { code, summary } = await exportRun('run1.json');
    expect(code).toBe(0);
    expect(summary).toMatchObject({ new: 0, updated: 0, unchanged: first.size, archived: 0, failed: 0 });
    const all = await allFindings();
    expect(all.length).toBe(new Set(all.map((f) => f.Id)).size);
    const again = byId(all.filter(rampartOwn));
    expect([...again.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [id, f] of again) expect(f.CreatedAt).toBe(first.get(id)!.CreatedAt);
  });

  it('fix a security group → PASSED; delete the other → ARCHIVED; bucket unreadable → kept', async () => {
    const results = await evaluate('run2', (lines) => {
      const header = lines[0]!['snapshot'] as Record<string, unknown>;
      header['capturedAt'] = '2026-11-29T09:00:00Z';
      const out: Line[] = [];
      for (const line of lines) {
        if (line['resourceId'] === BUCKET) continue; // S3 could not be read this time
        if (line['resourceId'] === CLOSED_SG) line['configurationItemStatus'] = 'ResourceDeleted';
        if (line['resourceId'] === OPEN_SG) {
          for (const p of line.configuration!['ipPermissions'] as { fromPort: number; ipv4Ranges: unknown[] }[]) {
            if (p.fromPort === 22) p.ipv4Ranges = [{ cidrIp: '10.20.0.0/16' }];
          }
        }
        out.push(line);
      }
      out.push({
        collectionError: {
          accountId: ACCOUNT,
          region: REGION,
          service: 's3',
          operation: 'ListBuckets',
          resourceTypes: ['AWS::S3::Bucket'],
          code: 'AccessDenied',
          message: 'denied',
        },
      });
      return out;
    });
    const { code, summary } = await exportRun(results);
    expect(code).toBe(0);
    expect(summary.failed).toBe(0);
    expect(summary.keptIncomplete).toBe(bucketFindings([...first.values()]).length);
    const now = byId((await allFindings()).filter(rampartOwn));
    const fixed = now.get(sgFinding('restricted-ssh', OPEN_SG))!;
    const before = first.get(fixed.Id!)!;
    expect(fixed.Compliance!.Status).toBe('PASSED');
    expect(fixed.RecordState).toBe('ACTIVE');
    expect(fixed.CreatedAt).toBe(before.CreatedAt);
    expect(fixed.FirstObservedAt).toBe(before.FirstObservedAt);
    expect(fixed.LastObservedAt).toBe('2026-11-29T09:00:00.000Z');
    expect(Date.parse(fixed.UpdatedAt!)).toBeGreaterThan(Date.parse(before.UpdatedAt!));
    const deleted = [...now.values()].filter((f) => f.ProductFields?.['rampart/ResourceId'] === CLOSED_SG);
    expect(deleted.length).toBeGreaterThan(0);
    for (const f of deleted) expect(f.RecordState).toBe('ARCHIVED');
    expect(summary.archived).toBe(deleted.length);
    for (const f of bucketFindings([...now.values()])) expect(f.RecordState).toBe('ACTIVE');
  });

  it('the bucket gone with S3 readable → its findings ARCHIVED', async () => {
    const results = await evaluate('run3', (lines) => {
      (lines[0]!['snapshot'] as Record<string, unknown>)['capturedAt'] = '2026-11-29T10:00:00Z';
      return lines.filter((l) => l['resourceId'] !== BUCKET && l['resourceId'] !== CLOSED_SG);
    });
    const { code, summary } = await exportRun(results);
    expect(code).toBe(0);
    const gone = bucketFindings((await allFindings()).filter(rampartOwn));
    expect(gone.length).toBeGreaterThan(0);
    for (const f of gone) expect(f.RecordState).toBe('ARCHIVED');
    expect(summary.archived).toBe(gone.length);
  });

  it('findings of another generator and another account stay untouched', async () => {
    const now = byId(await allFindings());
    for (const seeded of foreign) {
      const f = now.get(seeded.Id!)!;
      expect(f).toMatchObject({
        RecordState: 'ACTIVE',
        UpdatedAt: seeded.UpdatedAt,
        Compliance: { Status: 'FAILED' },
        Title: seeded.Title,
      });
    }
  });

  it('exits 2 on input that is not the --format json output of evaluate', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ evaluations: [] }));
    const { code, stdout, stderr } = await cli(
      'export',
      'securityhub',
      '--input',
      'bad.json',
      '--endpoint-url',
      inject('motoEndpoint'),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('bad.json');
  });
});
