import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../src/commands/demo.js';
import { runCli } from '../../src/main.js';
import { capture } from './cli-io.js';

function cli(cwd: string, argv: string[], stdoutTty = false) {
  return capture(cwd, (io) => runCli(argv, io), { stdoutTty });
}

/** 0, or 3 when controls find gaps in the demo account (exit codes are the CLI tests' business). */
const OK = [0, 3];
const fresh = () => mkdtempSync(join(tmpdir(), 'rampart-report-'));

describe('rampart evaluate --format html|markdown|ocsf --out', () => {
  it('writes the HTML report to --out and nothing to stdout', async () => {
    const dir = fresh();
    const { code, stdout, stderr } = await cli(dir, [
      'evaluate',
      '--input',
      DEMO_FILE,
      '--format',
      'html',
      '--out',
      'reports/demo.html',
    ]);
    expect(OK).toContain(code);
    expect(stdout).toBe('');
    expect(stderr).toContain(`html report written to ${join(dir, 'reports', 'demo.html')}`);
    const html = readFileSync(join(dir, 'reports', 'demo.html'), 'utf8');
    expect(html.match(/data-testid="wa-cell"/g)).toHaveLength(63);
    expect(existsSync(join(dir, 'reports', 'demo.html.partial'))).toBe(false);
  });

  it('refuses HTML on a terminal without --out (exit 2) and writes it to a pipe', async () => {
    const tty = await cli(fresh(), ['evaluate', '--input', DEMO_FILE, '--format', 'html'], true);
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('--out');
    const pipe = await cli(fresh(), ['evaluate', '--input', DEMO_FILE, '--format', 'html']);
    expect(OK).toContain(pipe.code);
    expect(pipe.stdout.startsWith('<!doctype html>')).toBe(true);
  });

  it('prints Markdown and OCSF to stdout', async () => {
    const md = await cli(fresh(), ['evaluate', '--input', DEMO_FILE, '--format', 'markdown']);
    expect(OK).toContain(md.code);
    expect(md.stdout).toMatch(/^# Rampart security report/);
    const ocsf = await cli(fresh(), ['evaluate', '--input', DEMO_FILE, '--format', 'ocsf']);
    expect(OK).toContain(ocsf.code);
    const json = await cli(fresh(), ['evaluate', '--input', DEMO_FILE, '--format', 'json']);
    const events = JSON.parse(ocsf.stdout) as { class_uid: number; finding_info: { uid: string } }[];
    const { evaluations } = JSON.parse(json.stdout) as { evaluations: unknown[] };
    expect(events).toHaveLength(evaluations.length);
    expect(new Set(events.map((e) => e.class_uid))).toEqual(new Set([2003]));
  });

  it('--out works for json too, and is refused for the table', async () => {
    const dir = fresh();
    const json = await cli(dir, ['evaluate', '--input', DEMO_FILE, '--format', 'json', '--out', 'run.json']);
    expect(OK).toContain(json.code);
    expect(json.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))).toHaveProperty('scope');
    const table = await cli(dir, ['evaluate', '--input', DEMO_FILE, '--out', 'x.txt']);
    expect(table.code).toBe(2);
  });

  it('an unwritable --out is a usage error', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), '');
    const { code, stderr } = await cli(dir, [
      'evaluate',
      '--input',
      DEMO_FILE,
      '--format',
      'markdown',
      '--out',
      'file/x.md',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot write');
  });
});

describe('rampart demo writes the HTML report', () => {
  it('to ./rampart-demo-report.html by default, and prints its path', async () => {
    const dir = fresh();
    const { code, stdout } = await cli(dir, ['demo']);
    expect(code).toBe(0);
    const path = join(dir, 'rampart-demo-report.html');
    expect(stdout).toContain(`HTML report: ${path}`);
    expect(readFileSync(path, 'utf8')).toContain('Rampart report: demo account');
  });

  it('with --format json, only when --out is given, and the path goes to stderr', async () => {
    const dir = fresh();
    const plain = await cli(dir, ['demo', '--format', 'json']);
    expect(plain.code).toBe(0);
    expect(existsSync(join(dir, 'rampart-demo-report.html'))).toBe(false);
    const out = await cli(dir, ['demo', '--format', 'json', '--out', 'r.html']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toHaveProperty('evaluations');
    expect(out.stderr).toContain(join(dir, 'r.html'));
    expect(existsSync(join(dir, 'r.html'))).toBe(true);
  });
});
