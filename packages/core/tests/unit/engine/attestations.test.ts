import { describe, expect, it } from 'vitest';
import { attestationIncidentSimulations } from '../../../src/controls/wellarchitected/attestation-incident-simulations.js';
import { attestationPenetrationTesting } from '../../../src/controls/wellarchitected/attestation-penetration-testing.js';
import { attestationThreatModel } from '../../../src/controls/wellarchitected/attestation-threat-model.js';
import {
  AttestationFact,
  addAttestations,
  type Control,
  evaluateSnapshot,
  loadInput,
  parseAttestationFile,
  Snapshot,
} from '../../../src/index.js';
import { ACCOUNT, NOW } from '../../helpers.js';

const VALID = {
  bestPractice: 'SEC01-BP07',
  owner: 'Security architecture (security@example.com)',
  evidence: 'https://wiki.example.com/threat-models/payments',
  date: '2026-10-01',
  reviewPeriodDays: 180,
};

const file = (attestations: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, attestations, ...over });

function snapshotFor(accounts: string[], header = true): Snapshot {
  const snapshot = new Snapshot();
  const lines: unknown[] = header
    ? [{ snapshot: { version: 1, capturedAt: NOW.toISOString(), accounts, regions: ['eu-west-1'] } }]
    : [];
  for (const a of accounts) {
    lines.push({
      resourceType: 'AWS::S3::Bucket',
      resourceId: `bucket-${a}`,
      awsAccountId: a,
      awsRegion: 'eu-west-1',
      configurationItemStatus: 'OK',
      configuration: {},
    });
  }
  loadInput(snapshot, lines.map((l) => JSON.stringify(l)).join('\n'), 'test.jsonl');
  return snapshot;
}

describe('parseAttestationFile', () => {
  it('accepts a valid file: date or date-time, optional period, note and accounts', () => {
    const result = parseAttestationFile(
      file([
        VALID,
        { ...VALID, bestPractice: 'SEC10-BP07', date: '2026-06-30T14:00:00Z', reviewPeriodDays: undefined },
        { ...VALID, bestPractice: 'SEC11-BP03', note: 'External test by Example Ltd.', accounts: [ACCOUNT] },
      ]),
      'att.json',
    );
    expect(result.problems).toEqual([]);
    expect(result.entries).toHaveLength(3);
    expect(result.entries[2]).toMatchObject({ accounts: [ACCOUNT], note: 'External test by Example Ltd.' });
  });

  it.each([
    ['unknown best practice', { bestPractice: 'SEC12-BP01' }, 'bestPractice', 'unknown Well-Architected best practice'],
    ['old numbering', { bestPractice: 'SEC5' }, 'bestPractice', 'unknown Well-Architected best practice'],
    ['missing best practice', { bestPractice: undefined }, 'bestPractice', ''],
    ['empty owner', { owner: ' ' }, 'owner', 'must name an owner'],
    ['missing owner', { owner: undefined }, 'owner', ''],
    ['evidence not a URL', { evidence: 'the wiki' }, 'evidence', 'must be an http(s) URL'],
    ['evidence not http(s)', { evidence: 'file:///etc/passwd' }, 'evidence', 'must be an http(s) URL'],
    ['date not ISO', { date: '01/10/2026' }, 'date', 'must be an ISO 8601 date'],
    ['impossible date', { date: '2026-02-30' }, 'date', 'must be an ISO 8601 date'],
    ['missing date', { date: undefined }, 'date', ''],
    ['review period 0', { reviewPeriodDays: 0 }, 'reviewPeriodDays', ''],
    ['review period not an integer', { reviewPeriodDays: 30.5 }, 'reviewPeriodDays', ''],
    ['review period as a string', { reviewPeriodDays: '90' }, 'reviewPeriodDays', ''],
    ['account id malformed', { accounts: ['12345'] }, 'accounts.0', 'must be a 12-digit AWS account id'],
    ['unknown field', { reviewer: 'someone' }, '', 'reviewer'],
  ])('reports an invalid entry (%s) with file, index and zod path; the rest is kept', (_, over, path, message) => {
    const result = parseAttestationFile(file([VALID, { ...VALID, ...over }]), 'att.json');
    expect(result.entries).toEqual([VALID]);
    expect(result.problems.length).toBeGreaterThan(0);
    const problem = result.problems[0]!;
    expect(problem).toMatchObject({ source: 'att.json', position: 'index 1', path });
    if (message) expect(problem.message).toContain(message);
  });

  it('reports a file that is not JSON, has the wrong version or no attestations list', () => {
    expect(parseAttestationFile('{ nope', 'a.json').problems[0]).toMatchObject({ position: 'file', path: '' });
    expect(parseAttestationFile('{ nope', 'a.json').problems[0]!.message).toMatch(/^not valid JSON/);
    expect(parseAttestationFile(file([VALID], { version: 2 }), 'a.json').problems[0]).toMatchObject({
      position: 'file',
      path: 'version',
    });
    expect(parseAttestationFile(JSON.stringify({ version: 1 }), 'a.json').problems[0]).toMatchObject({
      path: 'attestations',
    });
    expect(parseAttestationFile(JSON.stringify([VALID]), 'a.json').entries).toEqual([]);
  });
});

describe('addAttestations', () => {
  it('adds one Rampart::Attestation fact per account; entries with accounts go to those accounts only', () => {
    const snapshot = snapshotFor([ACCOUNT, '210987654321']);
    const { entries } = parseAttestationFile(
      file([
        VALID,
        { ...VALID, bestPractice: 'SEC11-BP03', accounts: ['210987654321'] },
        { ...VALID, accounts: ['999999999999'] },
      ]),
      'att.json',
    );
    const added = addAttestations(snapshot, entries, 'att.json');
    expect(added).toEqual({
      accounts: [
        { accountId: ACCOUNT, attestations: 1 },
        { accountId: '210987654321', attestations: 2 },
      ],
      unmatched: 1,
      skipped: [],
    });
    const fact = snapshot.fact(AttestationFact.type, '210987654321', 'global')!.value as { attestations: unknown[] };
    expect(fact.attestations.map((a) => (a as { bestPractice: string }).bestPractice)).toEqual([
      'SEC01-BP07',
      'SEC11-BP03',
    ]);
    expect(snapshot.problems).toEqual([]);
  });

  it('keeps attestations the snapshot already holds', () => {
    const snapshot = snapshotFor([ACCOUNT]);
    addAttestations(snapshot, [VALID], 'one.json');
    addAttestations(snapshot, [{ ...VALID, bestPractice: 'SEC10-BP07' }], 'two.json');
    const fact = snapshot.fact(AttestationFact.type, ACCOUNT, 'global')!.value as { attestations: unknown[] };
    expect(fact.attestations).toHaveLength(2);
  });

  it('skips accounts the input holds no account-level data for (a plain CI list)', () => {
    const snapshot = snapshotFor([ACCOUNT], false);
    expect(addAttestations(snapshot, [VALID], 'att.json').skipped).toEqual([ACCOUNT]);
    expect(snapshot.hasFacts(ACCOUNT)).toBe(false);
  });

  it('attestation controls see the added facts: current, expired and missing', () => {
    const snapshot = snapshotFor([ACCOUNT]);
    addAttestations(
      snapshot,
      [VALID, { ...VALID, bestPractice: 'SEC10-BP07', date: '2024-01-15', reviewPeriodDays: 365 }],
      'att.json',
    );
    const controls = [
      attestationThreatModel,
      attestationIncidentSimulations,
      attestationPenetrationTesting,
    ] as unknown as Control<unknown>[];
    const run = evaluateSnapshot(snapshot, { controls, now: NOW });
    expect(run.evaluations.map((e) => [e.controlId, e.compliance])).toEqual([
      ['attestation-incident-simulations', 'NON_COMPLIANT'],
      ['attestation-penetration-testing', 'NON_COMPLIANT'],
      ['attestation-threat-model', 'COMPLIANT'],
    ]);
    expect(run.evaluations[0]!.annotation).toBe(
      'The attestation for SEC10-BP07 by Security architecture (security@example.com) dated 2024-01-15 expired on 2025-01-14 (review period 365 days).',
    );
  });
});
