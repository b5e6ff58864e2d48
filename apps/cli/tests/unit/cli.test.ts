import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/main.js';
import { runIn } from './cli-io.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'rampart.mjs');

const cli = (...argv: string[]) => runIn(FIXTURES, ...argv);

describe('rampart controls', () => {
  it('--format json prints the contract fields for every control', async () => {
    const { code, stdout, stderr } = await cli('controls', '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const controls = JSON.parse(stdout) as Record<string, unknown>[];
    expect(controls.length).toBeGreaterThanOrEqual(5);
    for (const c of controls) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['id', 'title', 'area', 'severity', 'resourceTypes', 'wellArchitected', 'references']),
      );
      expect(Object.keys(c['references'] as object).sort()).toEqual(['awsConfigRules', 'cis', 'securityHub']);
    }
    const ssh = controls.find((c) => c['id'] === 'restricted-ssh');
    expect(ssh).toMatchObject({
      area: 'infrastructure',
      severity: 'HIGH',
      references: { awsConfigRules: ['restricted-ssh'] },
    });
  });

  it('--area filters', async () => {
    const { stdout } = await cli('controls', '--area', 'detection', '--format', 'json');
    const areas = new Set((JSON.parse(stdout) as { area: string }[]).map((c) => c.area));
    expect([...areas]).toEqual(['detection']);
  });

  it('rejects an unknown format with exit 2', async () => {
    const { code, stderr } = await cli('controls', '--format', 'yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('yaml');
  });
});

describe('rampart evaluate', () => {
  it('evaluates the good items of a file with a broken one, names the broken one, exits 2', async () => {
    const { code, stdout, stderr } = await cli('evaluate', '--input', 'mixed-with-bad-item.json', '--format', 'json');
    expect(code).toBe(2);
    expect(stderr).toContain(
      'mixed-with-bad-item.json index 1 (awsAccountId): Invalid input: expected string, received undefined',
    );
    const out = JSON.parse(stdout) as { evaluations: Record<string, unknown>[]; scope: Record<string, unknown> };
    expect(out.scope).toMatchObject({ accounts: ['123456789012'], regions: ['eu-west-1'], incomplete: [] });
    const keys = [
      'controlId',
      'resourceType',
      'resourceId',
      'resourceArn',
      'accountId',
      'region',
      'compliance',
      'annotation',
    ];
    for (const e of out.evaluations) expect(Object.keys(e)).toEqual(keys);
    const ssh = out.evaluations
      .filter((e) => e['controlId'] === 'restricted-ssh')
      .map((e) => [e['resourceId'], e['compliance']]);
    expect(ssh).toEqual([
      ['sg-0a1b2c3d4e5f60718', 'COMPLIANT'],
      ['sg-0ffe1dead2beef345', 'NON_COMPLIANT'],
    ]);
    const sse = out.evaluations.filter((e) => e['controlId'] === 's3-bucket-server-side-encryption-enabled');
    expect(sse.map((e) => [e['resourceId'], e['compliance']])).toEqual([
      ['acme-app-data', 'COMPLIANT'],
      ['acme-tmp-exports', 'NON_COMPLIANT'],
    ]);
  });

  it('output is sorted by control id, resource type, resource id', async () => {
    const { stdout } = await cli('evaluate', '--input', 'snapshot.jsonl', '--format', 'json');
    const evaluations = (JSON.parse(stdout) as { evaluations: Record<string, string>[] }).evaluations;
    const keys = evaluations
      .filter((e) => e['region'] === 'eu-west-1')
      .map((e) => `${e['controlId']}|${e['resourceType']}|${e['resourceId']}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('a snapshot with a collection error gives INSUFFICIENT_DATA, lists it in scope.incomplete, exits 3', async () => {
    const { code, stdout, stderr } = await cli('evaluate', '--input', 'snapshot.jsonl', '--format', 'json');
    expect(code).toBe(3);
    const out = JSON.parse(stdout) as { evaluations: Record<string, string>[]; scope: Record<string, unknown> };
    expect(out.scope['now']).toBe('2026-11-29T08:00:00.000Z');
    expect(out.scope['incomplete']).toEqual([
      { accountId: '123456789012', region: 'eu-west-1', resourceTypes: ['Rampart::GuardDuty::Status'] },
    ]);
    const gd = out.evaluations.find((e) => e['controlId'] === 'guardduty-enabled-centralized');
    expect(gd).toMatchObject({
      compliance: 'INSUFFICIENT_DATA',
      resourceType: 'AWS::::Account',
      resourceId: '123456789012',
    });
    expect(gd?.['annotation']).toContain('AccessDeniedException');
    expect(stderr).toContain('finished with gaps');
  });

  it('--fail-on HIGH exits 1 when a HIGH control fails and there are no gaps', async () => {
    const { code, stderr } = await cli(
      'evaluate',
      '--input',
      'snapshot.jsonl',
      '--controls',
      'restricted-ssh',
      '--fail-on',
      'high',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('1 non-compliant evaluation(s) at HIGH or above');
  });

  it('--fail-on CRITICAL does not trip on HIGH findings', async () => {
    const { code } = await cli(
      'evaluate',
      '--input',
      'snapshot.jsonl',
      '--controls',
      'restricted-ssh',
      '--fail-on',
      'CRITICAL',
    );
    expect(code).toBe(0);
  });

  it('exit code precedence: input error (2) over gaps (3) over --fail-on (1)', async () => {
    const { code } = await cli('evaluate', '--input', 'snapshot.jsonl', 'mixed-with-bad-item.json', '--fail-on', 'LOW');
    expect(code).toBe(2);
    const gaps = await cli('evaluate', '--input', 'snapshot.jsonl', '--fail-on', 'LOW');
    expect(gaps.code).toBe(3);
  });

  it('unknown control ids, bad --now and bad --param are usage errors (exit 2)', async () => {
    expect((await cli('evaluate', '--input', 'snapshot.jsonl', '--controls', 'no-such-control')).stderr).toContain(
      'Unknown control id: no-such-control',
    );
    expect((await cli('evaluate', '--input', 'snapshot.jsonl', '--now', 'yesterday')).code).toBe(2);
    const param = await cli(
      'evaluate',
      '--input',
      'snapshot.jsonl',
      '--param',
      'guardduty-enabled-centralized.CentralMonitoringAccount=x',
    );
    expect(param.code).toBe(2);
    expect(param.stderr).toContain('CentralMonitoringAccount');
  });

  it('--param is passed to the control', async () => {
    const { stdout } = await cli(
      'evaluate',
      '--input',
      'snapshot.jsonl',
      '--controls',
      'multi-region-cloudtrail-enabled',
      '--param',
      'multi-region-cloudtrail-enabled.s3BucketName=elsewhere',
      '--format',
      'json',
    );
    const [e] = (JSON.parse(stdout) as { evaluations: Record<string, string>[] }).evaluations;
    expect(e).toMatchObject({ compliance: 'NON_COMPLIANT' });
  });

  it('a missing file is reported with its name and exit 2', async () => {
    const { code, stderr } = await cli('evaluate', '--input', 'nope.json');
    expect(code).toBe(2);
    expect(stderr).toContain('nope.json file: file not found');
  });

  it('table output lists failures and the summary per area and severity', async () => {
    const { stdout } = await cli('evaluate', '--input', 'snapshot.jsonl', '--controls', 'restricted-ssh');
    expect(stdout).toMatch(/non-compliant\s+HIGH\s+restricted-ssh\s+AWS::EC2::SecurityGroup sg-0ffe1dead2beef345/);
    expect(stdout).toMatch(/Infrastructure protection\s+1\s+1/);
    expect(stdout).toMatch(/HIGH\s+1\s+1/);
    expect(stdout).toContain('2 evaluations: 1 compliant, 1 non-compliant');
  });
});

describe('the rampart binary', () => {
  it('keeps stdout for the format and stderr for messages', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'evaluate', '--input', 'mixed-with-bad-item.json', '--format', 'json'],
      {
        cwd: FIXTURES,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toContain('index 1');
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const demo = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'demo-account.jsonl');
    const child = spawn(process.execPath, [BIN, 'evaluate', '--input', demo, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).not.toBeNull();
  });

  it('--help exits 0', () => {
    expect(execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })).toContain('evaluate');
  });
});

describe('table rendering', () => {
  it('caps the failure listing and says how many rows are hidden', async () => {
    const { renderFindings } = await import('../../src/render/table.js');
    const { catalog } = await import('@rampart/core');
    const controls = new Map(
      catalog()
        .all()
        .map((c) => [c.id, c]),
    );
    const evaluations = Array.from({ length: 5 }, (_, i) => ({
      controlId: 'restricted-ssh',
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: `sg-${i}`,
      resourceArn: null,
      accountId: '123456789012',
      region: 'eu-west-1',
      compliance: 'NON_COMPLIANT' as const,
      annotation: `Security group sg-${i} opens port 22 to 0.0.0.0/0.`,
    }));
    const io = { stdout: () => {}, stderr: () => {}, color: false, cwd: '.' };
    const text = renderFindings(io, evaluations, controls, 2);
    expect(text).toContain('sg-0');
    expect(text).toContain('sg-1');
    expect(text).not.toContain('sg-2 ');
    expect(text).toContain('… and 3 more');
    expect(renderFindings(io, evaluations, controls, 0)).toContain('sg-4');
  });
});

describe('rampart controls and the Pulumi baseline', () => {
  it('shows which baseline components prevent each control (json and table)', async () => {
    let out = '';
    const io: CliIo = { stdout: (s) => (out += s), stderr: () => {}, color: false, cwd: '.' };
    expect(await runCli(['controls', '--format', 'json'], io)).toBe(0);
    const controls = JSON.parse(out) as { id: string; baseline: string[] }[];
    expect(controls.find((c) => c.id === 'guardduty-enabled-centralized')?.baseline).toEqual(['GuardDuty']);
    expect(controls.find((c) => c.id === 'restricted-ssh')?.baseline).toEqual([]);
    out = '';
    await runCli(['controls', '--area', 'detection'], io);
    expect(out).toMatch(/securityhub-enabled\s+detection\s+MEDIUM\s+periodic\s+AWS::::Account\s+SecurityHub\s/);
  });
});
