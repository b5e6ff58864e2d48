import { describe, expect, it } from 'vitest';
import { batchFindings, LIMITS } from '../../../src/index.js';
import { sizedFinding } from '../../support/fixtures.js';

const ids = (n: number, bytes = 600) => Array.from({ length: n }, (_, i) => sizedFinding(`f-${i}`, bytes));
const body = (batch: unknown[]) => Buffer.byteLength(JSON.stringify({ Findings: batch }));

describe('batchFindings', () => {
  it('splits by count: at most 100 findings a request, order kept, none lost', () => {
    const findings = ids(250);
    const batches = batchFindings(findings);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat().map((f) => f.Id)).toEqual(findings.map((f) => f.Id));
  });

  it('splits by bytes: at most 6 MB of request body', () => {
    const findings = ids(100, 200 * 1024);
    const batches = batchFindings(findings);
    expect(batches.length).toBe(4);
    for (const b of batches) expect(body(b)).toBeLessThanOrEqual(LIMITS.batchBytes);
    expect(batches.flat()).toHaveLength(100);
  });

  it('fills a batch right up to the byte limit, counting the JSON envelope and separators', () => {
    const findings = ids(10, 1000);
    const exact = body(findings.slice(0, 5));
    const batches = batchFindings(findings, { findings: 100, bytes: exact });
    expect(batches.map((b) => b.length)).toEqual([5, 5]);
    expect(batchFindings(findings, { findings: 100, bytes: exact - 1 }).map((b) => b.length)).toEqual([4, 4, 2]);
  });

  it('gives an oversized finding a batch of its own instead of dropping it', () => {
    const findings = [...ids(2, 1000), sizedFinding('big', 5000), ...ids(1, 1000)];
    const batches = batchFindings(findings, { findings: 100, bytes: 3000 });
    expect(batches.flat().map((f) => f.Id)).toEqual(findings.map((f) => f.Id));
    expect(batches.find((b) => b.some((f) => f.Id === 'big'))).toHaveLength(1);
  });

  it('has no batch for no findings', () => {
    expect(batchFindings([])).toEqual([]);
  });
});
