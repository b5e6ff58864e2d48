import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, evaluateSnapshot, loadInput, Snapshot } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { buildFindings, jsonBytes, LIMITS } from '../../../src/index.js';
import { validateShape } from '../../support/model.js';

const DEMO = join(import.meta.dirname, '..', '..', '..', '..', '..', 'examples', 'demo-account.jsonl');

describe('the demo account as ASFF (what `rampart evaluate --format asff` prints)', () => {
  it('gives findings that all pass the Security Hub model check, with unique Ids', () => {
    const snapshot = new Snapshot();
    const loaded = loadInput(snapshot, readFileSync(DEMO, 'utf8'), DEMO);
    expect(loaded.problems).toEqual([]);
    const run = evaluateSnapshot(snapshot, {
      controls: catalog().all(),
      now: new Date(snapshot.capturedAt ?? '2026-11-29T08:00:00Z'),
    });
    const built = buildFindings(run);
    expect(built.problems).toEqual([]);
    expect(built.findings.length).toBeGreaterThan(50);
    expect(new Set(built.findings.map((f) => f.Id)).size).toBe(built.findings.length);
    for (const f of built.findings) {
      expect(validateShape(f, 'AwsSecurityFinding', f.Id)).toEqual([]);
      expect(jsonBytes(f)).toBeLessThanOrEqual(LIMITS.findingBytes);
    }
  });
});
