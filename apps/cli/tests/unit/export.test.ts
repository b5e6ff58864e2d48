import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIn } from './cli-io.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

const cli = runIn;

describe('rampart evaluate --format asff', () => {
  it('prints only a JSON array of findings on stdout, one per applicable evaluation', async () => {
    const json = await cli(FIXTURES, 'evaluate', '--input', 'snapshot.jsonl', '--format', 'json');
    const evaluations = (JSON.parse(json.stdout) as { evaluations: { compliance: string }[] }).evaluations;
    const { code, stdout } = await cli(FIXTURES, 'evaluate', '--input', 'snapshot.jsonl', '--format', 'asff');
    expect(code).toBe(json.code);
    const findings = JSON.parse(stdout) as { Id: string; GeneratorId: string; ProductArn: string; Region: string }[];
    expect(findings).toHaveLength(evaluations.filter((e) => e.compliance !== 'NOT_APPLICABLE').length);
    for (const f of findings) {
      expect(f.Id).toMatch(/^rampart\/123456789012\/(eu-west-1|global)\/[a-z0-9-]+\/[0-9a-f]{32}$/);
      expect(f.GeneratorId).toBe(`rampart/${f.Id.split('/')[3]}`);
      expect(f.ProductArn).toBe('arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default');
      expect(f.Region).toBe('eu-west-1');
    }
  });

  it('--home-region sends findings on global resources there', async () => {
    const { stdout } = await cli(
      FIXTURES,
      'evaluate',
      '--input',
      'snapshot.jsonl',
      '--format',
      'asff',
      '--home-region',
      'us-east-1',
    );
    const findings = JSON.parse(stdout) as { Id: string; Region: string }[];
    const global = findings.filter((f) => f.Id.includes('/global/'));
    expect(global.length).toBeGreaterThan(0);
    for (const f of global) expect(f.Region).toBe('us-east-1');
  });
});

describe('rampart export securityhub', () => {
  it('exits 2 and names the file when the input is not evaluate --format json output', async () => {
    const { code, stdout, stderr } = await cli(
      FIXTURES,
      'export',
      'securityhub',
      '--input',
      'mixed-with-bad-item.json',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('mixed-with-bad-item.json: not the --format json output of rampart evaluate or scan');
  });

  it('exits 2 on a missing file and on an unknown format', async () => {
    expect((await cli(FIXTURES, 'export', 'securityhub', '--input', 'nope.json')).code).toBe(2);
    const bad = await cli(FIXTURES, 'export', 'securityhub', '--input', 'x.json', '--format', 'yaml');
    expect(bad.code).toBe(2);
  });

  it('a dry run with no evaluations and no scope to archive in touches nothing and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-export-'));
    const file = join(dir, 'empty.json');
    writeFileSync(
      file,
      JSON.stringify({
        scope: { controls: [], accounts: [], regions: [], now: '2026-11-29T08:00:00Z', incomplete: [] },
        evaluations: [],
      }),
    );
    const { code, stdout, stderr } = await cli(
      dir,
      'export',
      'securityhub',
      '--input',
      'empty.json',
      '--dry-run',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, new: 0, failed: 0, partitions: [] });
    expect(stderr).toContain('dry run');
  });
});
