import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIn } from './cli-io.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const EXAMPLE = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'attestations.example.json');
const ACCOUNT = '123456789012';

const cli = (...argv: string[]) => runIn(FIXTURES, ...argv);

function attestationsFile(attestations: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-attestations-'));
  const file = join(dir, 'attestations.json');
  writeFileSync(file, JSON.stringify({ version: 1, attestations }));
  return file;
}

/** A header-only snapshot: the account is known, so account-level controls run. */
function snapshotFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-snapshot-'));
  const file = join(dir, 'snapshot.jsonl');
  writeFileSync(
    file,
    `${JSON.stringify({ snapshot: { version: 1, capturedAt: '2026-11-29T08:00:00Z', accounts: [ACCOUNT], regions: ['eu-west-1'] } })}\n`,
  );
  return file;
}

const CONTROLS = 'attestation-threat-model,attestation-incident-simulations,attestation-penetration-testing';

interface Evaluation {
  controlId: string;
  compliance: string;
  annotation: string;
}

describe('rampart evaluate --attestations', () => {
  it('current → COMPLIANT, expired and missing → NON_COMPLIANT; exit 0', async () => {
    const file = attestationsFile([
      {
        bestPractice: 'SEC01-BP07',
        owner: 'appsec@example.com',
        evidence: 'https://wiki.example.com/threat-model',
        date: '2026-09-15',
      },
      {
        bestPractice: 'SEC10-BP07',
        owner: 'secops@example.com',
        evidence: 'https://tickets.example.com/SEC-1',
        date: '2025-10-20',
        reviewPeriodDays: 365,
      },
    ]);
    const { code, stdout, stderr } = await cli(
      'evaluate',
      '--input',
      snapshotFile(),
      '--controls',
      CONTROLS,
      '--attestations',
      file,
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const evaluations = (JSON.parse(stdout) as { evaluations: Evaluation[] }).evaluations;
    expect(evaluations.map((e) => [e.controlId, e.compliance])).toEqual([
      ['attestation-incident-simulations', 'NON_COMPLIANT'],
      ['attestation-penetration-testing', 'NON_COMPLIANT'],
      ['attestation-threat-model', 'COMPLIANT'],
    ]);
    expect(evaluations[0]!.annotation).toBe(
      'The attestation for SEC10-BP07 by secops@example.com dated 2025-10-20 expired on 2026-10-20 (review period 365 days).',
    );
    expect(evaluations[1]!.annotation).toBe(
      `Account ${ACCOUNT} has no attestation for SEC11-BP03 (Perform regular penetration testing).`,
    );
    expect(evaluations[2]!.annotation).toBe(
      'SEC01-BP07 is attested by appsec@example.com on 2026-09-15, evidence https://wiki.example.com/threat-model, current until 2027-09-15.',
    );
  });

  it('reports invalid entries with file, index and zod path, evaluates the rest, exits 2', async () => {
    const file = attestationsFile([
      { bestPractice: 'SEC01-BP07', owner: 'a@example.com', evidence: 'not a url', date: '2026-09-15' },
      { bestPractice: 'SEC10-BP07', owner: 'b@example.com', evidence: 'https://x.example.com/', date: '2026-11-01' },
    ]);
    const { code, stdout, stderr } = await cli(
      'evaluate',
      '--input',
      snapshotFile(),
      '--controls',
      CONTROLS,
      '--attestations',
      file,
      '--format',
      'json',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`rampart: ${file} index 0 (evidence): must be an http(s) URL`);
    const evaluations = (JSON.parse(stdout) as { evaluations: Evaluation[] }).evaluations;
    expect(evaluations.find((e) => e.controlId === 'attestation-incident-simulations')?.compliance).toBe('COMPLIANT');
    expect(evaluations.find((e) => e.controlId === 'attestation-threat-model')?.compliance).toBe('NON_COMPLIANT');
  });

  it('a missing attestations file is an input error (exit 2); the controls still report missing attestations', async () => {
    const { code, stdout, stderr } = await cli(
      'evaluate',
      '--input',
      snapshotFile(),
      '--controls',
      'attestation-threat-model',
      '--attestations',
      'nope.json',
      '--format',
      'json',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('rampart: nope.json file: file not found');
    expect((JSON.parse(stdout) as { evaluations: Evaluation[] }).evaluations[0]!.compliance).toBe('NON_COMPLIANT');
  });

  it('--param sets a non-default review period', async () => {
    const file = attestationsFile([
      { bestPractice: 'SEC01-BP07', owner: 'a@example.com', evidence: 'https://x.example.com/', date: '2026-09-15' },
    ]);
    const { stdout } = await cli(
      'evaluate',
      '--input',
      snapshotFile(),
      '--controls',
      'attestation-threat-model',
      '--attestations',
      file,
      '--param',
      'attestation-threat-model.reviewPeriodDays=30',
      '--format',
      'json',
    );
    const e = (JSON.parse(stdout) as { evaluations: Evaluation[] }).evaluations[0]!;
    expect(e.compliance).toBe('NON_COMPLIANT');
    expect(e.annotation).toContain('expired on 2026-10-15 (review period 30 days)');
  });

  it('the shipped example file is valid', async () => {
    const { code, stderr } = await cli(
      'evaluate',
      '--input',
      snapshotFile(),
      '--controls',
      'attestation-threat-model',
      '--attestations',
      EXAMPLE,
      '--format',
      'json',
    );
    expect(stderr).not.toContain('index ');
    expect(code).toBe(0);
  });
});

describe('rampart controls --format json', () => {
  it('carries kind and one rationale per best practice; wellArchitected stays an array of ids', async () => {
    const { code, stdout } = await cli('controls', '--format', 'json');
    expect(code).toBe(0);
    const controls = JSON.parse(stdout) as {
      id: string;
      kind: string;
      wellArchitected: string[];
      rationale: Record<string, string>;
    }[];
    for (const c of controls) {
      expect(['automated', 'attestation']).toContain(c.kind);
      expect(Object.keys(c.rationale)).toEqual(c.wellArchitected);
      for (const line of Object.values(c.rationale)) expect(line.length).toBeGreaterThan(0);
    }
    expect(controls.find((c) => c.id === 'attestation-threat-model')).toMatchObject({
      kind: 'attestation',
      wellArchitected: ['SEC01-BP07'],
    });
    expect(controls.find((c) => c.id === 'restricted-ssh')?.kind).toBe('automated');
  });
});
