import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '@rampart/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type CliIo, runCli } from '../../src/main.js';
import { evaluateInParallel } from '../../src/parallel/evaluate.js';
import { planSplit } from '../../src/parallel/split.js';

// `rampart evaluate` splits one large input between two threads (src/parallel). These tests force the
// split on small inputs (RAMPART_PARALLEL_MIN_BYTES=0) and compare every byte of stdout and stderr and
// the exit code with the one-thread path (RAMPART_THREADS=1), and check that the split really ran.

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const DEMO = readFileSync(join(ROOT, 'examples', 'demo-account.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Record<string, unknown>);
const ACCOUNTS = ['111122223333', '444455556666'];
const dir = mkdtempSync(join(tmpdir(), 'rampart-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** The demo account's items, copied `copies` times with their own ids, over two accounts. */
function items(copies: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let k = 0; k < copies; k++) {
    const account = ACCOUNTS[k % 2]!;
    for (const line of DEMO) {
      if ('snapshot' in line) continue;
      const type = String(line['resourceType']);
      // Facts once per account; items once per copy, under an id of their own.
      if (type.startsWith('Rampart::') && k >= 2) continue;
      const copy = JSON.parse(JSON.stringify(line).replaceAll('111122223333', account)) as Record<string, unknown>;
      if (!type.startsWith('Rampart::')) copy['resourceId'] = `${copy['resourceId']}-${k}`;
      out.push(copy);
    }
  }
  return out;
}

function header(capturedAt: string): string {
  return JSON.stringify({
    snapshot: { version: 1, capturedAt, accounts: ACCOUNTS, regions: ['eu-west-1'], tool: 'rampart test' },
  });
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function cli(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    color: false,
    cwd: dir,
  };
  const code = await runCli(argv, io);
  vi.unstubAllEnvs();
  return { code, out, err };
}

/**
 * Both paths on the same arguments, with the table and with `--format json`: identical output, and
 * the verdicts are not trivial. Returns the table run.
 */
async function same(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let table: { code: number; out: string; err: string } | undefined;
  for (const format of ['table', 'json']) {
    const args = [...argv, '--format', format];
    const one = await cli(args, { RAMPART_THREADS: '1' });
    const two = await cli(args, { RAMPART_PARALLEL_MIN_BYTES: '0', RAMPART_THREADS: '2' });
    expect(two.err).toBe(one.err);
    expect(two.out).toBe(one.out);
    expect(two.code).toBe(one.code);
    expect(one.out).toMatch(format === 'json' ? /"NON_COMPLIANT"/ : /non-compliant/i);
    table ??= one;
  }
  return table!;
}

const controls = catalog().all();

describe('evaluate with two threads', () => {
  it('a snapshot (JSON Lines) with facts, bad lines, a collection error and a later header in the second part', async () => {
    const lines = [header('2026-11-29T08:00:00Z'), ...items(6).map((i) => JSON.stringify(i))];
    const mid = Math.floor(lines.length * 0.7);
    lines.splice(3, 0, '{"not json', JSON.stringify({ resourceType: 'AWS::S3::Bucket' }));
    lines.splice(
      mid,
      0,
      '{"also": not json}',
      JSON.stringify({ awsAccountId: ACCOUNTS[1], awsRegion: 'eu-west-1', resourceType: 'AWS::EC2::Volume' }),
      JSON.stringify({
        collectionError: {
          accountId: ACCOUNTS[1],
          region: 'eu-west-1',
          service: 'ec2',
          operation: 'DescribeVolumes',
          code: 'AccessDenied',
          message: 'denied',
          resourceTypes: ['AWS::EC2::Volume', 'AWS::EC2::SecurityGroup'],
        },
      }),
      // A later capture time moves "now" for the whole run (age-based controls).
      header('2027-06-01T00:00:00Z'),
      JSON.stringify({
        version: '1.3',
        awsAccountId: ACCOUNTS[1],
        awsRegion: 'global',
        resourceType: 'Rampart::IAM::PasswordPolicy',
        resourceId: ACCOUNTS[1],
        configurationItemStatus: 'OK',
        configuration: { minimumPasswordLength: 'eight' },
      }),
    );
    const file = write('snapshot.jsonl', `${lines.join('\n')}\n`);
    const result = await same(['evaluate', '--input', file]);
    expect(result.err).toContain('line 4');
    expect(result.err).toContain(`line ${mid + 1}: not valid JSON`);
    expect(result.err).toContain(`line ${mid + 5} (configuration.policy)`);
    const plan = planSplit(readFileSync(file), 0.45);
    expect(plan?.kind).toBe('lines');
    const direct = await evaluateInParallel(file, 'snapshot.jsonl', { controls, parameters: {}, now: undefined });
    expect(direct).toBeDefined();
    expect(direct!.run.scope.incomplete).toEqual([
      { accountId: ACCOUNTS[1], region: 'eu-west-1', resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::Volume'] },
    ]);
    expect(direct!.run.scope.now).toBe('2027-06-01T00:00:00.000Z');
    expect(direct!.run.scope.accounts).toEqual(ACCOUNTS);
  });

  it('a JSON array of configuration items with bad items in both parts', async () => {
    const list: unknown[] = items(6).filter((i) => !String(i['resourceType']).startsWith('Rampart::'));
    list.splice(2, 0, { resourceType: 'AWS::S3::Bucket' });
    list.splice(Math.floor(list.length * 0.8), 0, 42, { awsAccountId: ACCOUNTS[0], resourceType: 'AWS::IAM::Role' });
    const file = write('items.json', JSON.stringify(list));
    const result = await same(['evaluate', '--input', 'items.json', '--now', '2026-11-29T08:00:00Z']);
    expect(result.err).toContain('items.json index 2');
    expect(result.err).toMatch(/account-level controls not evaluated/);
    expect(planSplit(readFileSync(file), 0.45)?.kind).toBe('array');
    expect(
      await evaluateInParallel(file, 'items.json', { controls, parameters: {}, now: new Date('2026-11-29T08:00:00Z') }),
    ).toBeDefined();
  });

  it('--controls, --param, --fail-on and --attestations give the same result', async () => {
    const file = write(
      'snap2.jsonl',
      `${[header('2026-11-29T08:00:00Z'), ...items(4).map((i) => JSON.stringify(i))].join('\n')}\n`,
    );
    const attestations = join(ROOT, 'examples', 'attestations.example.json');
    await same(['evaluate', '--input', file, '--attestations', attestations, '--fail-on', 'high']);
    await same([
      'evaluate',
      '--input',
      file,
      '--controls',
      'restricted-ssh,iam-password-policy,s3-bucket-public-read-prohibited,ec2-security-group-attached-to-eni-periodic',
      '--param',
      'iam-password-policy.MinimumPasswordLength=20',
    ]);
  });

  it('the same resource in both parts: loaded whole instead (the later capture wins)', async () => {
    const list = items(4).filter((i) => !String(i['resourceType']).startsWith('Rampart::'));
    const early = { ...list[0]!, configurationItemCaptureTime: '2026-01-01T00:00:00.000Z' };
    const late = { ...list[0]!, configurationItemCaptureTime: '2026-11-01T00:00:00.000Z' };
    const file = write('dupes.json', JSON.stringify([late, ...list.slice(1), early]));
    expect(await evaluateInParallel(file, 'dupes.json', { controls, parameters: {}, now: undefined })).toBeUndefined();
    await same(['evaluate', '--input', 'dupes.json', '--now', '2026-11-29T08:00:00Z']);
  });
});

describe('where a large input is cut', () => {
  const cut = (text: string, fraction = 0.5) => planSplit(Buffer.from(text), fraction);

  it('a compact array: between two elements, at the first key of the first element', () => {
    const text = JSON.stringify([{ a: [{ a: 1 }, { a: 2 }] }, { a: 3 }, { a: 4 }]);
    const plan = cut(text, 0.1)!;
    expect(plan.kind).toBe('array');
    expect(`${text.slice(0, plan.firstEnd)}]`).toBe('[{"a":[{"a":1}]');
    // The first candidate is inside a nested array: that part does not parse, so the caller loads whole.
    expect(() => JSON.parse(`${text.slice(0, plan.firstEnd)}]`)).toThrow();
    const later = cut(text, 0.6)!;
    expect(JSON.parse(`${text.slice(0, later.firstEnd)}]`)).toHaveLength(2);
    expect(JSON.parse(`[${text.slice(later.secondStart)}`)).toEqual([{ a: 4 }]);
  });

  it('JSON Lines: after a line break', () => {
    const text = '{"a":1}\n{"a":2}\n{"a":3}\n{"a":4}\n';
    const plan = cut(text)!;
    expect(plan).toEqual({ kind: 'lines', firstEnd: 24, secondStart: 24 });
  });

  it('nothing to cut: a pretty-printed document, an array of scalars, a one-line document, empty input', () => {
    expect(cut(JSON.stringify({ configurationItems: [{ a: 1 }, { a: 2 }] }, null, 2))).toBeUndefined();
    expect(cut(JSON.stringify([1, 2, 3, 4]))).toBeUndefined();
    expect(cut(JSON.stringify({ configurationItems: [{ a: 1 }, { a: 2 }] }))).toBeUndefined();
    expect(cut('   ')).toBeUndefined();
    expect(cut(JSON.stringify([{ a: 1 }]))).toBeUndefined();
  });
});
